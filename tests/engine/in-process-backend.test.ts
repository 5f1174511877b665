/**
 * Trusted code (the reference solution, mutants while fixtures are made, oracles) computes on the same
 * WebAssembly backend as learner code in the sandbox, so a stored mistake's output is what a learner
 * making that mistake gets, down to float32 rounding noise.
 */
import { describe, expect, it } from 'vitest';
import { loadTf } from '../../graders/engine/in-process';

describe('the grading process', () => {
  it('computes on the WebAssembly backend, with the same guards as the sandbox', async () => {
    const tf = await loadTf();
    expect(tf.getBackend()).toBe('wasm');
    // A guarded case (wasm-backend.ts): ties in max pooling's gradient go to the first maximum.
    const g = tf.grad((x: import('@tensorflow/tfjs').Tensor) => tf.maxPool(x as import('@tensorflow/tfjs').Tensor4D, 2, 1, 'valid').sum())(tf.tensor4d([1, 1, 1, 1, 2, 2, 0, 2, 2], [1, 3, 3, 1]));
    expect(Array.from(g.dataSync())).toEqual([0, 0, 0, 0, 4, 0, 0, 0, 0]);
  });
});
