import * as tf from '@tensorflow/tfjs';
import type { BatchnormCache, RunningStats } from '../../../../../solutions/course2/week3/batch-norm';
export * from '../../../../../solutions/course2/week3/batch-norm';

export const mutant = { fn: 'batchnormInference', hint: 'Divide by the running standard deviation √(variance + ε), not by the variance itself.' };

export function batchnormInference(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, running: RunningStats, epsilon = 1e-5): tf.Tensor2D {
  const Znorm = tf.div(tf.sub(Z, running.mean), tf.add(running.variance, epsilon));
  return tf.add(tf.mul(gamma, Znorm), beta) as tf.Tensor2D;
}
