import * as tf from '@tensorflow/tfjs';
import type { Parameters } from '../../../../../solutions/course1/week4/deep-network-application';
import { lModelForward } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-application';

export const mutant = {
  fn: 'predict',
  hint: 'predict thresholds AL at 0, as if it were Z; AL is a probability (after the sigmoid): 1 where AL > 0.5.',
};

export function predict(X: tf.Tensor2D, _Y: tf.Tensor2D | null, parameters: Parameters): tf.Tensor2D {
  const [AL] = lModelForward(X, parameters);
  return tf.cast(tf.greater(AL, 0), 'float32') as tf.Tensor2D;
}
