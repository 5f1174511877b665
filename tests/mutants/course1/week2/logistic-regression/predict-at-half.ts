import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week2/logistic-regression';

export const mutant = { fn: 'predict', hint: 'An activation of exactly 0.5 is predicted as 1; the course predicts 1 only where A > 0.5 (tf.greater, not tf.greaterEqual).' };

export function predict(w: tf.Tensor2D, b: number, X: tf.Tensor2D): tf.Tensor2D {
  const A = tf.sigmoid(tf.add(tf.matMul(w, X, true, false), b));
  return tf.cast(tf.greaterEqual(A, 0.5), 'float32') as tf.Tensor2D;
}
