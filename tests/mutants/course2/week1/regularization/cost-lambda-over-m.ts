import * as tf from '@tensorflow/tfjs';
import { computeCost } from '../../../../../lib/datasets/course2-week1-utils';
import { np } from '../../../../../lib/np-random';
import type { Cache, DropoutCache, Gradients, ThreeLayerParameters } from '../../../../../solutions/course2/week1/regularization';
export * from '../../../../../solutions/course2/week1/regularization';

export const mutant = {
  fn: 'computeCostWithRegularization',
  hint: 'The penalty is (λ / 2m)·ΣW²: it is missing the 2 in the denominator (λ / m).',
};

export function computeCostWithRegularization(A3: tf.Tensor2D, Y: tf.Tensor2D, parameters: ThreeLayerParameters, lambd: number): number {
  const m = Y.shape[1];
  const { W1, W2, W3 } = parameters;
  const sq = (W: tf.Tensor2D) => tf.sum(tf.square(W)).dataSync()[0]!;
  return computeCost(A3, Y) + (lambd / m) * (sq(W1) + sq(W2) + sq(W3));
}
