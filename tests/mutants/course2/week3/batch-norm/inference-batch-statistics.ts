import * as tf from '@tensorflow/tfjs';
import type { BatchnormCache, RunningStats } from '../../../../../solutions/course2/week3/batch-norm';
export * from '../../../../../solutions/course2/week3/batch-norm';

export const mutant = { fn: 'batchnormInference', hint: 'At test time the batch statistics are not used: normalise with running.mean and running.variance (a test example may come alone).' };

export function batchnormInference(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, running: RunningStats, epsilon = 1e-5): tf.Tensor2D {
  void running;
  const mu = tf.mean(Z, 1, true);
  const variance = tf.mean(tf.square(tf.sub(Z, mu)), 1, true);
  const Znorm = tf.div(tf.sub(Z, mu), tf.sqrt(tf.add(variance, epsilon)));
  return tf.add(tf.mul(gamma, Znorm), beta) as tf.Tensor2D;
}
