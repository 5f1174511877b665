import * as tf from '@tensorflow/tfjs';
import type { Params } from '../../../../../solutions/course1/week2/logistic-regression';
export * from '../../../../../solutions/course1/week2/logistic-regression';

export const mutant = { fn: 'initializeWithZeros', hint: 'w is initialised with ones; it should be a [dim, 1] column of zeros (tf.zeros).' };

export function initializeWithZeros(dim: number): Params {
  return { w: tf.ones([dim, 1]), b: 0 };
}
