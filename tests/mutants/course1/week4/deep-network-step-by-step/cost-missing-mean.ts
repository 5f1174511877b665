import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = { fn: 'computeCost', hint: 'The cost sums the losses without the 1/m: it should be their mean.' };

export function computeCost(AL: tf.Tensor2D, Y: tf.Tensor2D): number {
  const logprobs = tf.add(tf.mul(Y, tf.log(AL)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, AL))));
  return -tf.sum(logprobs).dataSync()[0]!;
}
