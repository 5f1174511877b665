import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Parameters } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = {
  fn: 'initializeParametersDeep',
  hint: 'The loop stops one layer early: layerDims of length L + 1 describes L layers, so l runs from 1 to layerDims.length − 1 inclusive.',
};

export function initializeParametersDeep(layerDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layerDims.length - 1; l++) {
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(layerDims[l]!, layerDims[l - 1]!), [layerDims[l]!, layerDims[l - 1]!]).mul(0.01);
    parameters[`b${l}`] = tf.zeros([layerDims[l]!, 1]);
  }
  return parameters;
}
