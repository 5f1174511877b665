/**
 * Correct alternative (columns): the mini-batches built column by column from arraySync() in the permuted order
 * (tf.tensor2d per batch), the batch count from Math.ceil, the learning-rate decays written with a reciprocal and
 * Math.trunc (epochs are never negative). The optimizers and the model are the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { MiniBatch } from '../../../../../solutions/course2/week2/optimization-methods';

export type { Parameters, Grads, Moments, MiniBatch, Optimizer, LrDecay, TrainingResult } from '../../../../../solutions/course2/week2/optimization-methods';
export {
  updateParametersWithGd,
  initializeVelocity,
  updateParametersWithMomentum,
  initializeRmsprop,
  updateParametersWithRmsprop,
  initializeAdam,
  updateParametersWithAdam,
  model,
} from '../../../../../solutions/course2/week2/optimization-methods';

export function randomMiniBatches(X: tf.Tensor2D, Y: tf.Tensor2D, miniBatchSize = 64, seed = 0): MiniBatch[] {
  np.random.seed(seed);
  const [nX, m] = X.shape;
  const order = np.random.permutation(m);
  const xs = X.arraySync();
  const ys = Y.arraySync();
  const batches: MiniBatch[] = [];
  for (let k = 0; k < Math.ceil(m / miniBatchSize); k++) {
    const columns = order.slice(k * miniBatchSize, (k + 1) * miniBatchSize);
    const bx = Array.from({ length: nX }, (_, r) => columns.map((j) => xs[r]![j]!));
    const by = Array.from({ length: ys.length }, (_, r) => columns.map((j) => ys[r]![j]!));
    batches.push([tf.tensor2d(bx, [nX, columns.length]), tf.tensor2d(by, [ys.length, columns.length])]);
  }
  return batches;
}

export function updateLr(learningRate0: number, epochNum: number, decayRate: number): number {
  return learningRate0 * (1 / (1 + epochNum * decayRate));
}

export function scheduleLrDecay(learningRate0: number, epochNum: number, decayRate: number, timeInterval = 1000): number {
  const steps = Math.trunc(epochNum / timeInterval);
  return learningRate0 * (1 / (1 + steps * decayRate));
}

export const alternative = { style: 'columns', fns: ['randomMiniBatches', 'updateLr', 'scheduleLrDecay'] };
