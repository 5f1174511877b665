import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week3/planar-classification';

export const mutant = { fn: 'computeCost', hint: 'The cost is missing its leading minus sign: J = −(1/m)·Σ[y·log(a) + (1−y)·log(1−a)].' };

export function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): number {
  const m = Y.shape[1];
  const logprobs = tf.add(tf.mul(Y, tf.log(A2)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, A2))));
  return tf.sum(logprobs).dataSync()[0]! / m;
}
