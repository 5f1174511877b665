import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Parameters } from '../../../../../solutions/course2/week1/initialization';
export * from '../../../../../solutions/course2/week1/initialization';

export const mutant = {
  fn: 'initializeParametersRandom',
  hint: 'Call np.random.seed(3) at the start of the function, before drawing: without it the weights depend on whatever drew random numbers before, and change from call to call.',
};

export function initializeParametersRandom(layersDims: number[]): Parameters {
  const parameters: Parameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    const [n, nPrev] = [layersDims[l]!, layersDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).mul(10) as tf.Tensor2D;
    parameters[`b${l}`] = tf.zeros([n, 1]) as tf.Tensor2D;
  }
  return parameters;
}
