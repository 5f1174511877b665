import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = { fn: 'computeCost', hint: 'The cost is missing its leading minus sign: J = −(1/m)·Σ[y·log(a) + (1 − y)·log(1 − a)] is positive.' };

export function computeCost(AL: tf.Tensor2D, Y: tf.Tensor2D): number {
  const m = Y.shape[1];
  const logprobs = tf.add(tf.mul(Y, tf.log(AL)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, AL))));
  return tf.sum(logprobs).dataSync()[0]! / m;
}
