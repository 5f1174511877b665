import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week2/numpy-basics';

export const mutant = { fn: 'l2Loss', hint: 'L2 subtracts the squares, Σ (y² − ŷ²); square the differences instead: Σ (y − ŷ)².' };

export function l2Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  return tf.sum(tf.sub(tf.square(y), tf.square(yhat))).dataSync()[0]!;
}
