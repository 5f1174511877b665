import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'randomMiniBatches', hint: 'The last mini-batch takes the last miniBatchSize columns, repeating examples of the previous batch: it should hold only the m mod miniBatchSize columns after the complete batches.' };

export function randomMiniBatches(X: tf.Tensor2D, Y: tf.Tensor2D, miniBatchSize = 64, seed = 0): MiniBatch[] {
  np.random.seed(seed);
  const m = X.shape[1];
  const permutation = tf.tensor1d(np.random.permutation(m), 'int32');
  const shuffledX = tf.gather(X, permutation, 1);
  const shuffledY = tf.gather(Y, permutation, 1);
  const batches: MiniBatch[] = [];
  const numComplete = Math.floor(m / miniBatchSize);
  for (let k = 0; k < numComplete; k++) {
    batches.push([tf.slice(shuffledX, [0, k * miniBatchSize], [-1, miniBatchSize]), tf.slice(shuffledY, [0, k * miniBatchSize], [-1, miniBatchSize])]);
  }
  if (m % miniBatchSize !== 0) {
    const start = Math.max(0, m - miniBatchSize);
    batches.push([tf.slice(shuffledX, [0, start], [-1, m - start]), tf.slice(shuffledY, [0, start], [-1, m - start])]);
  }
  return batches;
}
