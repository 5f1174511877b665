import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week2/numpy-basics';

export const mutant = {
  fn: 'normalizeRows',
  hint: 'The row norms are computed without keepDims, so they broadcast along the columns: keep them as a [n, 1] column (keepDims: true).',
};

export function normalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  return tf.div(x, tf.norm(x, 'euclidean', 1));
}
