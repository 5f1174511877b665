import * as tf from '@tensorflow/tfjs';
import type { LinearCache } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = { fn: 'linearForward', hint: 'The cache holds [W, A, b]; the course keeps [A, W, b] (A_prev first).' };

export function linearForward(A: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D): [tf.Tensor2D, LinearCache] {
  const Z = tf.add(tf.matMul(W, A), b) as tf.Tensor2D;
  return [Z, [W, A, b]];
}
