import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week2/numpy-basics';

export const mutant = { fn: 'normalizeRows', hint: 'Each row is divided by its squared norm Σ x²; divide by the norm itself, sqrt(Σ x²).' };

export function normalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  return tf.div(x, tf.sum(tf.square(x), 1, true));
}
