import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Parameters } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = { fn: 'initializeParametersDeep', hint: 'The random weights are not multiplied by 0.01.' };

export function initializeParametersDeep(layerDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layerDims.length; l++) {
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(layerDims[l]!, layerDims[l - 1]!), [layerDims[l]!, layerDims[l - 1]!]);
    parameters[`b${l}`] = tf.zeros([layerDims[l]!, 1]);
  }
  return parameters;
}
