import * as tf from '@tensorflow/tfjs';
import type { Cache, Gradients, Parameters } from '../../../../../solutions/course1/week3/planar-classification';
export * from '../../../../../solutions/course1/week3/planar-classification';

export const mutant = { fn: 'backwardPropagation', hint: 'dW1 and dW2 are missing the 1/m: average over the m examples.' };

export function backwardPropagation(parameters: Parameters, cache: Cache, X: tf.Tensor2D, Y: tf.Tensor2D): Gradients {
  const m = X.shape[1];
  const dZ2 = tf.sub(cache.A2, Y);
  const dW2 = tf.matMul(dZ2, cache.A1, false, true) as tf.Tensor2D;
  const db2 = tf.sum(dZ2, 1, true).div(m) as tf.Tensor2D;
  const dZ1 = tf.mul(tf.matMul(parameters.W2, dZ2, true, false), tf.sub(1, tf.square(cache.A1)));
  const dW1 = tf.matMul(dZ1, X, false, true) as tf.Tensor2D;
  const db1 = tf.sum(dZ1, 1, true).div(m) as tf.Tensor2D;
  return { dW1, db1, dW2, db2 };
}
