import * as tf from '@tensorflow/tfjs';
import type { BatchnormCache, RunningStats } from '../../../../../solutions/course2/week3/batch-norm';
export * from '../../../../../solutions/course2/week3/batch-norm';

export const mutant = { fn: 'batchnormForward', hint: 'The variance divides by m − 1: batch norm uses the biased variance, the mean of (Z − μ)² over the m examples.' };

export function batchnormForward(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, epsilon = 1e-5): [tf.Tensor2D, BatchnormCache] {
  const m = Z.shape[1];
  void m;
  const mu = tf.mean(Z, 1, true) as tf.Tensor2D;
  const centered = tf.sub(Z, mu);
  const variance = tf.div(tf.sum(tf.square(centered), 1, true), m - 1) as tf.Tensor2D;
  const Znorm = tf.div(centered, tf.sqrt(tf.add(variance, epsilon))) as tf.Tensor2D;
  const out = tf.add(tf.mul(gamma, Znorm), beta) as tf.Tensor2D;
  return [out, { Z, Znorm, mu, variance, gamma, epsilon }];
}
