import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'randomMiniBatches', hint: 'The examples left over after the complete mini-batches are dropped: when m is not a multiple of miniBatchSize, add a last mini-batch with the m mod miniBatchSize remaining columns.' };

export function randomMiniBatches(X: tf.Tensor2D, Y: tf.Tensor2D, miniBatchSize = 64, seed = 0): MiniBatch[] {
  np.random.seed(seed);
  const m = X.shape[1];
  const permutation = tf.tensor1d(np.random.permutation(m), 'int32');
  const shuffledX = tf.gather(X, permutation, 1);
  const shuffledY = tf.gather(Y, permutation, 1);
  const batches: MiniBatch[] = [];
  for (let k = 0; k < Math.floor(m / miniBatchSize); k++) {
    batches.push([tf.slice(shuffledX, [0, k * miniBatchSize], [-1, miniBatchSize]), tf.slice(shuffledY, [0, k * miniBatchSize], [-1, miniBatchSize])]);
  }
  return batches;
}
