import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Parameters } from '../../../../../solutions/course2/week1/initialization';
export * from '../../../../../solutions/course2/week1/initialization';

export const mutant = {
  fn: 'initializeParametersHe',
  hint: 'This is Xavier\'s scale √(1 / n_(l−1)); He initialization, for ReLU layers, uses √(2 / n_(l−1)).',
};

export function initializeParametersHe(layersDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    const [n, nPrev] = [layersDims[l]!, layersDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).mul(Math.sqrt(1 / nPrev)) as tf.Tensor2D;
    parameters[`b${l}`] = tf.zeros([n, 1]) as tf.Tensor2D;
  }
  return parameters;
}
