import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Parameters } from '../../../../../solutions/course2/week1/initialization';
export * from '../../../../../solutions/course2/week1/initialization';

export const mutant = {
  fn: 'initializeParametersXavier',
  hint: 'The biases are 1-D tensors [n_l]: make them columns, tf.zeros([n_l, 1]), so they broadcast over the examples.',
};

export function initializeParametersXavier(layersDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    const [n, nPrev] = [layersDims[l]!, layersDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).mul(Math.sqrt(1 / nPrev)) as tf.Tensor2D;
    parameters[`b${l}`] = tf.zeros([n]) as unknown as tf.Tensor2D;
  }
  return parameters;
}
