import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Parameters } from '../../../../../solutions/course1/week3/planar-classification';
export * from '../../../../../solutions/course1/week3/planar-classification';

export const mutant = { fn: 'initializeParameters', hint: 'The random weights are not multiplied by 0.01.' };

export function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  np.random.seed(2);
  return {
    W1: tf.tensor2d(np.random.randn(nH, nX), [nH, nX]),
    b1: tf.zeros([nH, 1]),
    W2: tf.tensor2d(np.random.randn(nY, nH), [nY, nH]),
    b2: tf.zeros([nY, 1]),
  };
}
