import * as tf from '@tensorflow/tfjs';
import { softmax } from '../../../../../lib/emojify-utils';
import type { StepResult } from '../../../../../solutions/course5/week2/emojify';
export * from '../../../../../solutions/course5/week2/emojify';

export const mutant = { fn: 'forwardBackward', hint: 'The gradient of the cost with respect to z is dz = a − yOh: the one-hot label is missing from dz (and so from dW and db).' };

export function forwardBackward(avg: tf.Tensor1D, yOh: tf.Tensor1D, W: tf.Tensor2D, b: tf.Tensor1D): StepResult {
  const a = softmax(tf.add(tf.dot(W, avg), b) as tf.Tensor1D);
  const cost = -tf.sum(tf.mul(yOh, tf.log(a))).dataSync()[0]!;
  return { a, cost, dW: tf.outerProduct(a, avg), db: a };
}
