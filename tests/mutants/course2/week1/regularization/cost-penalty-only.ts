import * as tf from '@tensorflow/tfjs';
import { computeCost } from '../../../../../lib/datasets/course2-week1-utils';
import { np } from '../../../../../lib/np-random';
import type { Cache, DropoutCache, Gradients, ThreeLayerParameters } from '../../../../../solutions/course2/week1/regularization';
export * from '../../../../../solutions/course2/week1/regularization';

export const mutant = {
  fn: 'computeCostWithRegularization',
  hint: 'The cost is only the L2 penalty: add it to the cross-entropy, computeCost(A3, Y).',
};

export function computeCostWithRegularization(A3: tf.Tensor2D, Y: tf.Tensor2D, parameters: ThreeLayerParameters, lambd: number): number {
  const m = Y.shape[1];
  const { W1, W2, W3 } = parameters;
  const sq = (W: tf.Tensor2D) => tf.sum(tf.square(W)).dataSync()[0]!;
  return (lambd / (2 * m)) * (sq(W1) + sq(W2) + sq(W3));
}
