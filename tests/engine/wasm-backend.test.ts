/**
 * Learner code runs on the WebAssembly backend (graders/engine/sandbox/wasm-backend.ts),
 * and must get what the CPU backend computes. Each case below is a program the
 * WASM backend gets wrong or refuses on its own; through the sandbox, its result
 * must equal the CPU backend's in this process, to float32 rounding.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNdArray, type NdArray } from '../../graders/engine/ndarray';
import { repoRoot } from '../../graders/engine/paths';
import { buildModule } from '../../graders/engine/sandbox/build';
import { Sandbox } from '../../graders/engine/sandbox/client';

/** Each program takes nothing and returns one tensor; the same source runs here on the CPU backend. */
const PROGRAMS: Record<string, string> = {
  backend: `() => tf.tensor1d([tf.getBackend() === 'wasm' ? 1 : 0])`,
  // One tensor, reshaped, as the weights of two matMuls: XNNPACK's operator cache is keyed by its id.
  outerAfterDot: `() => {
    const v = tf.tensor1d([1.5, -2, 0.25]);
    const W = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
    const z = tf.dot(W, v);
    return tf.add(tf.outerProduct(tf.tensor1d([1, -1]), v), tf.sum(z));
  }`,
  transposedWeights: `() => {
    const B = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const A = tf.tensor2d([[1, 0, -1], [2, 1, 0]]);
    const first = tf.matMul(A, B);
    return tf.concat([first.flatten(), tf.matMul(tf.tensor2d([[1, 2, 3]]), B, false, false).flatten(), tf.matMul(tf.tensor2d([[1, 1]]), B, false, true).flatten()]);
  }`,
  // Transposed products compute from the heap and cache nothing (no copy is made for them): a product of the same
  // weights without transposes, before or after, still gets an operator of its own shape and the current values.
  transposedFirst: `() => {
    const B = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
    const t = tf.matMul(tf.tensor2d([[1, -1, 2]]), B, false, true);
    const plain = tf.matMul(tf.tensor2d([[2, 1]]), B);
    const reshaped = tf.matMul(tf.tensor2d([[1, 2, 3]]), B.reshape([3, 2]));
    const again = tf.matMul(tf.tensor2d([[0.5, -1], [1, 1]]), B, true, false);
    return tf.concat([t.flatten(), plain.flatten(), reshaped.flatten(), again.flatten()]);
  }`,
  plainThenTransposedThenRewritten: `() => {
    const B = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const first = tf.matMul(tf.tensor2d([[1, 0, -1]]), B);
    const t = tf.matMul(tf.tensor2d([[2, -1]]), B, false, true);
    const d = B.dataSync();
    d[1] = -7;
    const tAfter = tf.matMul(B, tf.tensor2d([[1, 1, 1]]), true, true);
    const plainAfter = tf.matMul(tf.tensor2d([[1, 0, -1]]), B);
    return tf.concat([first.flatten(), t.flatten(), tAfter.flatten(), plainAfter.flatten()]);
  }`,
  // A batch of matrices goes around the cache too; the same weights as one matrix then use it.
  batchedThenSingle: `() => {
    const B = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
    const batched = tf.matMul(tf.tensor3d([1, 0, 0, 1, 2, 1, 1, 2], [2, 2, 2]), B);
    const single = tf.matMul(tf.tensor2d([[1, -1, 2, 0.5]]), B.reshape([4, 2]));
    const fused = tf.fused.matMul({ a: tf.tensor2d([[1, 2]]), b: B.reshape([2, 4]), bias: tf.tensor1d([1, 0, -1, 0]), activation: 'relu' });
    return tf.concat([batched.flatten(), single.flatten(), fused.flatten()]);
  }`,
  convFilterReshaped: `() => {
    const f = tf.tensor4d([1, -1, 2, 0.5, 0, 1, -2, 1], [2, 2, 1, 2]);
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const a = tf.conv2d(x, f, 1, 'valid');
    const b = tf.conv2d(tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 2, 2]), f.reshape([1, 1, 2, 4]), 1, 'valid');
    return tf.concat([a.flatten(), b.flatten()]);
  }`,
  gatherFromEmpty: `() => tf.gather(tf.tensor1d([]), tf.tensor1d([], 'int32'))`,
  int32MatMul: `() => tf.matMul(tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32'), tf.tensor2d([[5, 6], [7, 8]], [2, 2], 'int32'))`,
  gatherGradient: `() => tf.grad((v) => tf.gather(v, tf.tensor1d([0, 2, 2], 'int32')).square().sum())(tf.tensor2d([[1, 2], [3, 4], [5, 6]]))`,
  conv2dFilterGradient: `() => tf.grad((f) => tf.conv2d(tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]), f, 1, 'same').sum())(tf.ones([2, 2, 1, 1]))`,
  // Ties go to the first maximum of each window, as on the CPU backend (and in the course).
  maxPoolGradientTies: `() => tf.grad((x) => tf.maxPool(x, 2, 1, 'valid').sum())(tf.tensor4d([1, 1, 1, 1, 2, 2, 0, 2, 2], [1, 3, 3, 1]))`,
  nanKept: `() => tf.concat([tf.maximum(tf.tensor1d([NaN, 1]), tf.tensor1d([0, NaN])), tf.minimum(tf.tensor1d([1]), tf.tensor1d([NaN])), tf.clipByValue(tf.tensor1d([NaN, 5]), -1, 1)])`,
  castToBool: `() => tf.concat([tf.cast(tf.tensor1d([0, 0.1, -0.5, NaN]), 'bool'), tf.cast(tf.tensor1d([0, 2, -1], 'int32'), 'bool')]).cast('int32')`,
  seededMultinomial: `() => tf.multinomial(tf.tensor1d([0.1, 0.5, 0.4]), 8, 7, true)`,
  // The CPU backend's dataSync() is the tensor's storage: course-style code fills a tf.zeros() through it.
  filledThroughDataSync: `() => {
    const out = tf.zeros([2, 3]);
    const d = out.dataSync();
    for (let i = 0; i < d.length; i++) d[i] = i * i;
    const again = out.dataSync();
    return tf.concat([tf.add(out, 1).flatten(), tf.tensor1d([again === d ? 1 : 0, again[5]])]);
  }`,
  // The same with a tensor of 4 kB, whose bytes are compared another way (memcmp); only its last entry written.
  filledThroughDataSyncLarge: `() => {
    const out = tf.zeros([10, 100]);
    out.dataSync()[999] = 7;
    return tf.sum(tf.add(out, 1));
  }`,
  // Weights rewritten through dataSync() after a matMul packed them: the second product uses the new values.
  rewrittenWeights: `() => {
    const B = tf.tensor2d([[1, 2], [3, 4]]);
    const a = tf.tensor2d([[1, 1]]);
    const first = tf.matMul(a, B);
    const d = B.dataSync();
    d[0] = 10;
    return tf.concat([first.flatten(), tf.matMul(a, B).flatten(), tf.matMul(a, B.reshape([2, 2])).flatten()]);
  }`,
  einsum: `() => tf.einsum('ij,jk->ik', tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[1, 0], [1, 1]]))`,
  // Windows larger than the input with 'valid' padding: empty outputs, which XNNPACK writes around or aborts on,
  // breaking the heap for what follows (a residual block's mistake). Each one, then tensors made and freed.
  emptyWindowOutputs: `() => {
    const x = tf.tensor4d([1, -2, 3, 4, -5, 6], [1, 3, 2, 1]);
    const sizes = [];
    for (let round = 0; round < 20; round++) {
      tf.tidy(() => {
        const outs = [
          tf.conv2d(x, tf.ones([3, 3, 1, 4]), 1, 'valid'),
          tf.fused.conv2d({ x, filter: tf.ones([3, 3, 1, 2]), strides: 1, pad: 'valid', bias: tf.ones([2]), activation: 'relu' }),
          tf.depthwiseConv2d(x, tf.ones([3, 3, 1, 2]), 1, 'valid'),
          tf.maxPool(x, 3, 1, 'valid'),
          tf.avgPool(x, [1, 3], 1, 'valid'),
          tf.image.resizeBilinear(x, [0, 2]),
        ];
        if (round === 0) for (const o of outs) sizes.push(o.size, o.shape.length);
        tf.randomNormal([50, 50]).add(1).dataSync();
      });
    }
    return tf.concat([tf.tensor1d(sizes), tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[1, 2], [3, 4]])).flatten()]);
  }`,
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-wasm-'));
const sandbox = new Sandbox({ root: repoRoot, timeoutMs: 10_000 });
let learner: string;

beforeAll(async () => {
  const source = ["import * as tf from '@tensorflow/tfjs';", ...Object.entries(PROGRAMS).map(([name, body]) => `export const ${name} = ${body};`)].join('\n');
  writeFileSync(path.join(dir, 'programs.ts'), source);
  const built = await buildModule(path.join(dir, 'programs.ts'), repoRoot);
  if (!built.ok) throw new Error(built.message);
  learner = sandbox.install(built);
  await tf.setBackend('cpu');
}, 60_000);
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function inSandbox(name: string): Promise<NdArray> {
  const o = await sandbox.call(learner, name, []);
  if (o.status !== 'ok' || !isNdArray(o.value)) throw new Error(`${name}: ${JSON.stringify(o).slice(0, 300)}`);
  return o.value;
}

function onCpu(name: string): { shape: number[]; data: number[] } {
  const run = new Function('tf', `return (${PROGRAMS[name]})();`) as (t: typeof tf) => tf.Tensor;
  const t = run(tf);
  return { shape: t.shape, data: Array.from(t.dataSync()) };
}

describe('the sandbox computes with the WebAssembly backend', () => {
  it('is the backend learner code sees', async () => {
    expect((await inSandbox('backend')).data).toEqual([1]);
  });

  it.each(Object.keys(PROGRAMS).filter((n) => n !== 'backend'))('%s gives what the CPU backend gives', async (name) => {
    const got = await inSandbox(name);
    const want = onCpu(name);
    expect(got.shape).toEqual(want.shape);
    expect(got.data.length).toBe(want.data.length);
    got.data.forEach((v, i) => {
      const w = want.data[i]!;
      if (Number.isNaN(w)) expect(v).toBeNaN();
      else expect(Math.abs(v - w)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(w)));
    });
  });
});
