/**
 * Outputs the grader stores and later compares with a learner's as they are (the fixtures' expected outputs and
 * known mistakes, the examples' printed outputs) are computed on the sandbox's WebAssembly backend, so a stored
 * mistake's output is what a learner making that mistake gets, down to float32 rounding noise. Grading itself
 * keeps the grading process on the CPU backend.
 */
import type * as TF from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadTf, onSandboxBackend } from '../../graders/engine/in-process';

describe('the grading process', () => {
  it('computes stored outputs on the guarded WebAssembly backend, then goes back to the CPU one', async () => {
    const tf = await loadTf();
    await tf.ready();
    expect(tf.getBackend()).toBe('cpu');
    const inside = await onSandboxBackend(async () => {
      // A guarded case (wasm-backend.ts): ties in max pooling's gradient go to the first maximum.
      const g = tf.grad((x: TF.Tensor) => tf.maxPool(x as TF.Tensor4D, 2, 1, 'valid').sum())(tf.tensor4d([1, 1, 1, 1, 2, 2, 0, 2, 2], [1, 3, 3, 1]));
      return { backend: tf.getBackend(), gradient: Array.from(g.dataSync()) };
    });
    expect(inside).toEqual({ backend: 'wasm', gradient: [0, 0, 0, 0, 4, 0, 0, 0, 0] });
    expect(tf.getBackend()).toBe('cpu');
  });
});
