import * as tf from '@tensorflow/tfjs';
import type { StepResult } from '../../../../../solutions/course5/week2/emojify';
export * from '../../../../../solutions/course5/week2/emojify';

export const mutant = { fn: 'forwardBackward', hint: 'a is a sigmoid of each z, which does not sum to 1 over the classes: use softmax(z) (given in lib/emojify-utils.ts).' };

export function forwardBackward(avg: tf.Tensor1D, yOh: tf.Tensor1D, W: tf.Tensor2D, b: tf.Tensor1D): StepResult {
  const a = tf.sigmoid(tf.add(tf.dot(W, avg), b)) as tf.Tensor1D;
  const cost = -tf.sum(tf.mul(yOh, tf.log(a))).dataSync()[0]!;
  const dz = tf.sub(a, yOh) as tf.Tensor1D;
  return { a, cost, dW: tf.outerProduct(dz, avg), db: dz };
}
