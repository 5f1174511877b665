import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'randomMiniBatches', hint: 'The examples are not shuffled: call np.random.seed(seed), then take the columns of X and Y in the order of np.random.permutation(m) before partitioning.' };

export function randomMiniBatches(X: tf.Tensor2D, Y: tf.Tensor2D, miniBatchSize = 64, seed = 0): MiniBatch[] {
  void np;
  void seed;
  const m = X.shape[1];
  const batches: MiniBatch[] = [];
  for (let start = 0; start < m; start += miniBatchSize) {
    const size = Math.min(miniBatchSize, m - start);
    batches.push([tf.slice(X, [0, start], [-1, size]), tf.slice(Y, [0, start], [-1, size])]);
  }
  return batches;
}
