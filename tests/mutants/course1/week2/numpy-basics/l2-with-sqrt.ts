import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week2/numpy-basics';

export const mutant = { fn: 'l2Loss', hint: 'L2 takes the square root of the sum (the Euclidean norm); the loss is Σ (y − ŷ)², no square root.' };

export function l2Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  return tf.norm(tf.sub(y, yhat)).dataSync()[0]!;
}
