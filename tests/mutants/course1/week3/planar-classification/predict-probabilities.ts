import * as tf from '@tensorflow/tfjs';
import { forwardPropagation, type Parameters } from '../../../../../solutions/course1/week3/planar-classification';
export * from '../../../../../solutions/course1/week3/planar-classification';

export const mutant = { fn: 'predict', hint: 'predict returns the probabilities A2; threshold them: 1 where A2 > 0.5, else 0.' };

export function predict(parameters: Parameters, X: tf.Tensor2D): tf.Tensor2D {
  return forwardPropagation(X, parameters)[0];
}
