import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course2/week3/tensorflow-intro';

export const mutant = { fn: 'oneHot', hint: 'tf.oneHot gives [m, C]: transpose it so each example is a column ([C, m]).' };

export function oneHot(labels: tf.Tensor1D, C: number): tf.Tensor2D {
  return tf.oneHot(tf.cast(labels, 'int32'), C).toFloat() as tf.Tensor2D;
}
