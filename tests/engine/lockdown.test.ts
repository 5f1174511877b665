import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { settle, snapshot, tampered } from '../../graders/engine/sandbox/lockdown';

type Registry = Map<string, tf.KernelConfig>;
const registry = () => (globalThis as unknown as { _tfGlobals: Map<string, unknown> })._tfGlobals.get('kernelRegistry') as Registry;

describe('the tamper check after each call: TensorFlow.js kernels', () => {
  const undo: (() => void)[] = [];
  afterEach(() => {
    for (const u of undo.splice(0).reverse()) u();
  });
  /** A snapshot as the runner takes it, then `change`, then what the check reports. */
  const after = (change: () => void) => {
    settle(tf);
    const before = snapshot(tf);
    change();
    return tampered(tf, before);
  };
  const backend = () => tf.getBackend();

  it("reads TensorFlow.js's own kernel map, every backend's kernels in it", () => {
    const kernels = snapshot(tf).tf.kernels;
    expect(kernels.registry).toBe(registry());
    expect(kernels.keys.length).toBe(registry().size);
    expect(new Set(kernels.backends)).toContain(backend());
  });

  it('reports nothing when nothing changed, though kernels ran', () => {
    expect(after(() => tf.tidy(() => tf.add(tf.ones([2, 2]), 1).matMul(tf.ones([2, 2])).dataSync()))).toEqual([]);
  });

  it('reports a kernel replaced with tf.registerKernel, by name', () => {
    const real = tf.getKernel('Add', backend())!;
    undo.push(() => {
      tf.unregisterKernel('Add', backend());
      tf.registerKernel(real);
    });
    expect(after(() => {
      tf.unregisterKernel('Add', backend());
      tf.registerKernel({ ...real, kernelFunc: (args) => real.kernelFunc(args) });
    })).toEqual(['tf kernel Add']);
  });

  it("reports a kernel's function swapped inside its config, and a config set straight into the registry", () => {
    const real = tf.getKernel('Multiply', backend())!;
    const realFunc = real.kernelFunc;
    undo.push(() => ((real as { kernelFunc: tf.KernelFunc }).kernelFunc = realFunc));
    expect(after(() => ((real as { kernelFunc: tf.KernelFunc }).kernelFunc = (args) => realFunc(args)))).toEqual(['tf kernel Multiply']);
    const key = `${backend()}_Sub`;
    const sub = registry().get(key)!;
    undo.push(() => registry().set(key, sub));
    expect(after(() => registry().set(key, { ...sub }))).toEqual(['tf kernel Sub']);
  });

  it('reports a kernel removed and one added', () => {
    const real = tf.getKernel('Neg', backend())!;
    undo.push(() => tf.registerKernel(real));
    expect(after(() => tf.unregisterKernel('Neg', backend()))).toEqual(['tf kernel Neg']);
    undo.push(() => tf.unregisterKernel('MyOwnKernel', backend()));
    expect(after(() => tf.registerKernel({ kernelName: 'MyOwnKernel', backendName: backend(), kernelFunc: () => [] as never }))).toEqual(['tf kernel MyOwnKernel']);
  });

  it("reports a patched Map iterator (what would hide a change from the kernel check's one pass)", () => {
    const proto = Object.getPrototypeOf(new Map().values()) as { next: unknown };
    const next = proto.next;
    undo.push(() => (proto.next = next));
    expect(after(() => (proto.next = function (this: unknown) { return (next as () => unknown).call(this); }))).toContain('Map iterator.next');
  });
});
