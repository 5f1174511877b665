import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course2/week3/tensorflow-intro';

export const mutant = { fn: 'oneHot', hint: 'The depth is the number of classes C, not the largest label + 1: a batch need not contain every class.' };

export function oneHot(labels: tf.Tensor1D, C: number): tf.Tensor2D {
  const depth = Math.max(...Array.from(labels.dataSync())) + 1;
  return tf.transpose(tf.oneHot(tf.cast(labels, 'int32'), depth)).toFloat() as tf.Tensor2D;
}
