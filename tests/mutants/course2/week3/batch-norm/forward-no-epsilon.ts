import * as tf from '@tensorflow/tfjs';
import type { BatchnormCache, RunningStats } from '../../../../../solutions/course2/week3/batch-norm';
export * from '../../../../../solutions/course2/week3/batch-norm';

export const mutant = { fn: 'batchnormForward', hint: 'Ẑ divides by √σ² without ε: use √(σ² + ε), which also keeps a unit with zero variance finite.' };

export function batchnormForward(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, epsilon = 1e-5): [tf.Tensor2D, BatchnormCache] {
  const m = Z.shape[1];
  void m;
  const mu = tf.mean(Z, 1, true) as tf.Tensor2D;
  const centered = tf.sub(Z, mu);
  const variance = tf.mean(tf.square(centered), 1, true) as tf.Tensor2D;
  const Znorm = tf.div(centered, tf.sqrt(variance)) as tf.Tensor2D;
  const out = tf.add(tf.mul(gamma, Znorm), beta) as tf.Tensor2D;
  return [out, { Z, Znorm, mu, variance, gamma, epsilon }];
}
