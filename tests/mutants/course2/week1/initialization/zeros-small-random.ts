import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Parameters } from '../../../../../solutions/course2/week1/initialization';
export * from '../../../../../solutions/course2/week1/initialization';

export const mutant = {
  fn: 'initializeParametersZeros',
  hint: 'initializeParametersZeros draws small random weights: this exercise is the all-zeros initialization (tf.zeros for every W and b), to see it fail.',
};

export function initializeParametersZeros(layersDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    const [n, nPrev] = [layersDims[l]!, layersDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).mul(0.01) as tf.Tensor2D;
    parameters[`b${l}`] = tf.zeros([n, 1]) as tf.Tensor2D;
  }
  return parameters;
}
