import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week2/numpy-basics';

export const mutant = { fn: 'softmax', hint: 'softmax divides by the column sums; each row is normalised by its own sum (axis 1, keepDims: true).' };

export function softmax(x: tf.Tensor2D): tf.Tensor2D {
  const xExp = tf.exp(x);
  return tf.div(xExp, tf.sum(xExp, 0, true));
}
