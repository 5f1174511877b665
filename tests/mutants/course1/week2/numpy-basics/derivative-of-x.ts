import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week2/numpy-basics';

export const mutant = { fn: 'sigmoidDerivative', hint: 'The derivative is computed as x·(1 − x) on the input itself; apply sigmoid first: s = σ(x), then s·(1 − s).' };

export function sigmoidDerivative(x: tf.Tensor): tf.Tensor {
  return tf.mul(x, tf.sub(1, x));
}
