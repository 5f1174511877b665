import * as tf from '@tensorflow/tfjs';
import type { Parameters } from '../../../../../solutions/course2/week1/initialization';
export * from '../../../../../solutions/course2/week1/initialization';

export const mutant = {
  fn: 'initializeParametersZeros',
  hint: 'Wl is transposed: it is [n_l, n_(l−1)] = [layersDims[l], layersDims[l − 1]], one row per unit of layer l.',
};

export function initializeParametersZeros(layersDims: number[]): Parameters {
  const parameters: Parameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    parameters[`W${l}`] = tf.zeros([layersDims[l - 1]!, layersDims[l]!]) as tf.Tensor2D;
    parameters[`b${l}`] = tf.zeros([layersDims[l]!, 1]) as tf.Tensor2D;
  }
  return parameters;
}
