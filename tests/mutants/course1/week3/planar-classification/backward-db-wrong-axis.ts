import * as tf from '@tensorflow/tfjs';
import type { Cache, Gradients, Parameters } from '../../../../../solutions/course1/week3/planar-classification';
export * from '../../../../../solutions/course1/week3/planar-classification';

export const mutant = { fn: 'backwardPropagation', hint: 'db1 and db2 are summed over the units instead of the examples: use tf.sum(dZ, 1, true).' };

export function backwardPropagation(parameters: Parameters, cache: Cache, X: tf.Tensor2D, Y: tf.Tensor2D): Gradients {
  const m = X.shape[1];
  const dZ2 = tf.sub(cache.A2, Y);
  const dW2 = tf.matMul(dZ2, cache.A1, false, true).div(m) as tf.Tensor2D;
  const db2 = tf.sum(dZ2, 0, true).div(m) as tf.Tensor2D;
  const dZ1 = tf.mul(tf.matMul(parameters.W2, dZ2, true, false), tf.sub(1, tf.square(cache.A1)));
  const dW1 = tf.matMul(dZ1, X, false, true).div(m) as tf.Tensor2D;
  const db1 = tf.sum(dZ1, 0, true).div(m) as tf.Tensor2D;
  return { dW1, db1, dW2, db2 };
}
