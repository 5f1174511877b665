import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'randomMiniBatches', hint: 'X and Y are shuffled with two different permutations, so examples lose their labels: draw np.random.permutation(m) once and use it for both.' };

export function randomMiniBatches(X: tf.Tensor2D, Y: tf.Tensor2D, miniBatchSize = 64, seed = 0): MiniBatch[] {
  np.random.seed(seed);
  const m = X.shape[1];
  const shuffledX = tf.gather(X, tf.tensor1d(np.random.permutation(m), 'int32'), 1);
  const shuffledY = tf.gather(Y, tf.tensor1d(np.random.permutation(m), 'int32'), 1);
  const batches: MiniBatch[] = [];
  for (let start = 0; start < m; start += miniBatchSize) {
    const size = Math.min(miniBatchSize, m - start);
    batches.push([tf.slice(shuffledX, [0, start], [-1, size]), tf.slice(shuffledY, [0, start], [-1, size])]);
  }
  return batches;
}
