import type * as TF from '@tensorflow/tfjs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromTf, toTf } from './codec';
import type { CallOptions, CallOutcome, Implementation } from './implementation';
import type { Value } from './values';
import { importSource } from './source-import';
import { repoRoot } from './paths';
import { useWasmBackend } from './sandbox/wasm-backend';

let tfPromise: Promise<typeof TF> | undefined;

/** TensorFlow.js for trusted code, loaded on first use only: plain grading never needs it here. */
export function loadTf(): Promise<typeof TF> {
  tfPromise ??= import('@tensorflow/tfjs').then((tf) => {
    tf.env().set('PROD', true); // no "install tfjs-node" banner
    return tf;
  });
  return tfPromise;
}

/**
 * Runs `f` with trusted code computing on the sandbox's backend (the guarded
 * WebAssembly one, wasm-backend.ts), then puts the previous backend back. For
 * outputs that are stored and later compared with a learner's as they are, to
 * a tolerance tighter than float32 noise on some values: the fixtures' expected
 * outputs and known mistakes, the examples' printed outputs. Grading itself
 * compares within float32 tolerances and keeps this process on the lighter CPU
 * backend.
 */
export async function onSandboxBackend<T>(f: () => Promise<T>): Promise<T> {
  const tf = await loadTf();
  await tf.ready(); // the backend in use so far, started if none was yet
  const before = tf.getBackend();
  await useWasmBackend(tf, path.join(repoRoot, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist'));
  try {
    return await f();
  } finally {
    if (tf.getBackend() !== before) await tf.setBackend(before);
  }
}

/**
 * Runs a trusted module (a reference solution or a mutant) in this process.
 * Only for code we wrote: learner code always goes through the sandbox.
 */
export function inProcessImplementation(modulePath: string, label: string): Implementation {
  let mod: Promise<Record<string, unknown>> | undefined;
  return {
    label,
    async call(fn: string, args: Value[], options?: CallOptions): Promise<CallOutcome> {
      const tf = await loadTf();
      mod ??= importSource(pathToFileURL(modulePath).href) as Promise<Record<string, unknown>>;
      let exports: Record<string, unknown>;
      try {
        exports = await mod;
      } catch (err) {
        return { status: 'unavailable', message: `${modulePath} could not be loaded: ${(err as Error).message}` };
      }
      const f = exports[fn];
      if (typeof f !== 'function') return { status: 'unavailable', message: `${modulePath} does not export ${fn}` };
      if (options?.signatureOnly) return { status: 'ok', value: Function.prototype.toString.call(f), output: '' };
      tf.engine().startScope();
      // Reference code may print (a predict that reports its accuracy): keep it off the grader's output.
      const log = console.log;
      let output = '';
      console.log = (...parts: unknown[]) => void (output += parts.join(' ') + '\n');
      try {
        let result = f(...args.map((a) => toTf(a, tf, (name) => exports[name])));
        if (result instanceof Promise) result = await result;
        return { status: 'ok', value: fromTf(result, tf), output };
      } catch (err) {
        const e = err as { name?: string; exercise?: string; message?: string };
        if (e?.name === 'NotImplementedError') return { status: 'not-implemented', fn: String(e.exercise ?? fn), output: '' };
        return { status: 'threw', message: e?.message ?? String(err), output: '' };
      } finally {
        console.log = log;
        tf.engine().endScope();
      }
    },
  };
}
