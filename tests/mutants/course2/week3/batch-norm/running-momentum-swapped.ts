import * as tf from '@tensorflow/tfjs';
import type { BatchnormCache, RunningStats } from '../../../../../solutions/course2/week3/batch-norm';
export * from '../../../../../solutions/course2/week3/batch-norm';

export const mutant = { fn: 'updateRunningAverages', hint: 'momentum weighs the batch statistics instead of the running ones: mean ← momentum·mean + (1 − momentum)·μ.' };

export function updateRunningAverages(running: RunningStats, mu: tf.Tensor2D, variance: tf.Tensor2D, momentum = 0.9): RunningStats {
  return {
    mean: tf.add(tf.mul(1 - momentum, running.mean), tf.mul(momentum, mu)) as tf.Tensor2D,
    variance: tf.add(tf.mul(1 - momentum, running.variance), tf.mul(momentum, variance)) as tf.Tensor2D,
  };
}
