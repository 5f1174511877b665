import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week2/logistic-regression';

export const mutant = { fn: 'predict', hint: 'predict returns the probabilities A; threshold them: 1 where A > 0.5, else 0.' };

export function predict(w: tf.Tensor2D, b: number, X: tf.Tensor2D): tf.Tensor2D {
  return tf.sigmoid(tf.add(tf.matMul(w, X, true, false), b)) as tf.Tensor2D;
}
