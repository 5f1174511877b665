import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Parameters } from '../../../../../solutions/course2/week1/initialization';
export * from '../../../../../solutions/course2/week1/initialization';

export const mutant = {
  fn: 'initializeParametersRandom',
  hint: 'The biases are random too: only the weights are random, every bl starts at zero (tf.zeros([n_l, 1])).',
};

export function initializeParametersRandom(layersDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    const [n, nPrev] = [layersDims[l]!, layersDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).mul(10) as tf.Tensor2D;
    parameters[`b${l}`] = tf.tensor2d(np.random.randn(n, 1), [n, 1]).mul(10) as tf.Tensor2D;
  }
  return parameters;
}
