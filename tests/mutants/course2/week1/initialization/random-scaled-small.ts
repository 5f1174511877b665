import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Parameters } from '../../../../../solutions/course2/week1/initialization';
export * from '../../../../../solutions/course2/week1/initialization';

export const mutant = {
  fn: 'initializeParametersRandom',
  hint: 'The weights are scaled by 0.01 (course 1); this exercise multiplies randn by 10, to show what too-large weights do.',
};

export function initializeParametersRandom(layersDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    const [n, nPrev] = [layersDims[l]!, layersDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).mul(0.01) as tf.Tensor2D;
    parameters[`b${l}`] = tf.zeros([n, 1]) as tf.Tensor2D;
  }
  return parameters;
}
