import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course2/week3/tensorflow-intro';
import type { Parameters } from '../../../../../solutions/course2/week3/tensorflow-intro';
import { np } from '../../../../../lib/np-random';

export const mutant = { fn: 'initializeParameters', hint: 'The weights are randn × 0.01: this network uses Glorot uniform weights, np.random.uniform(−r, r, count) with r = √(6 / (fan_in + fan_out)).' };

export function initializeParameters(layerDims: number[], seed = 1): Parameters {
  np.random.seed(seed);
  const params: Record<string, tf.Variable> = {};
  for (let l = 1; l <= 3; l++) {
    const [fanIn, fanOut] = [layerDims[l - 1]!, layerDims[l]!];
    params[`W${l}`] = tf.variable(tf.tensor2d(np.random.randn(fanOut, fanIn), [fanOut, fanIn]).mul(0.01));
    params[`b${l}`] = tf.variable(tf.zeros([fanOut, 1]));
  }
  return params as Parameters;
}
