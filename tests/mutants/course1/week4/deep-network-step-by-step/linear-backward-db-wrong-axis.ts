import * as tf from '@tensorflow/tfjs';
import type { LinearCache } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = { fn: 'linearBackward', hint: 'db is summed over the units instead of the examples: use tf.sum(dZ, 1, true).' };

export function linearBackward(dZ: tf.Tensor2D, cache: LinearCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const [APrev, W] = cache;
  const m = APrev.shape[1];
  const dW = tf.matMul(dZ, APrev, false, true).div(m) as tf.Tensor2D;
  const db = tf.sum(dZ, 0, true).div(m) as tf.Tensor2D;
  return [tf.matMul(W, dZ, true, false) as tf.Tensor2D, dW, db];
}
