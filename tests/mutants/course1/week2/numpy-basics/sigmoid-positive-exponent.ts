import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week2/numpy-basics';

export const mutant = { fn: 'sigmoid', hint: 'sigmoid uses e^x; it is 1 / (1 + e^(−x)), with a minus sign in the exponent.' };

export function sigmoid(x: tf.Tensor): tf.Tensor {
  return tf.div(1, tf.add(1, tf.exp(x)));
}
