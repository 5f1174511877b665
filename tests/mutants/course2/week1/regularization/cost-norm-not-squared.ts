import * as tf from '@tensorflow/tfjs';
import { computeCost } from '../../../../../lib/datasets/course2-week1-utils';
import { np } from '../../../../../lib/np-random';
import type { Cache, DropoutCache, Gradients, ThreeLayerParameters } from '../../../../../solutions/course2/week1/regularization';
export * from '../../../../../solutions/course2/week1/regularization';

export const mutant = {
  fn: 'computeCostWithRegularization',
  hint: 'The penalty sums the norms ‖Wl‖; it sums the squares of the weights, Σ Wl² (no square root).',
};

export function computeCostWithRegularization(A3: tf.Tensor2D, Y: tf.Tensor2D, parameters: ThreeLayerParameters, lambd: number): number {
  const m = Y.shape[1];
  const { W1, W2, W3 } = parameters;
  const norm = (W: tf.Tensor2D) => tf.norm(W).dataSync()[0]!;
  return computeCost(A3, Y) + (lambd / (2 * m)) * (norm(W1) + norm(W2) + norm(W3));
}
