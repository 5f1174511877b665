import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week2/numpy-basics';

export const mutant = { fn: 'l1Loss', hint: 'L1 sums y − ŷ without the absolute value: it is Σ |y − ŷ|.' };

export function l1Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  return tf.sum(tf.sub(y, yhat)).dataSync()[0]!;
}
