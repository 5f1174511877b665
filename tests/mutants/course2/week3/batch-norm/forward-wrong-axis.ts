import * as tf from '@tensorflow/tfjs';
import type { BatchnormCache, RunningStats } from '../../../../../solutions/course2/week3/batch-norm';
export * from '../../../../../solutions/course2/week3/batch-norm';

export const mutant = { fn: 'batchnormForward', hint: 'μ and σ² are taken over the units of each example (axis 0): batch norm averages each unit over the examples of the batch, tf.mean(Z, 1, true).' };

export function batchnormForward(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, epsilon = 1e-5): [tf.Tensor2D, BatchnormCache] {
  const m = Z.shape[1];
  void m;
  const mu = tf.mean(Z, 0, true) as tf.Tensor2D;
  const centered = tf.sub(Z, mu);
  const variance = tf.mean(tf.square(centered), 0, true) as tf.Tensor2D;
  const Znorm = tf.div(centered, tf.sqrt(tf.add(variance, epsilon))) as tf.Tensor2D;
  const out = tf.add(tf.mul(gamma, Znorm), beta) as tf.Tensor2D;
  return [out, { Z, Znorm, mu, variance, gamma, epsilon }];
}
