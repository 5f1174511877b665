import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course2/week3/tensorflow-intro';
import type { Parameters } from '../../../../../solutions/course2/week3/tensorflow-intro';
import { np } from '../../../../../lib/np-random';

export const mutant = { fn: 'initializeParameters', hint: 'The Glorot limit uses both fans: r = √(6 / (fan_in + fan_out)), not √(6 / fan_in).' };

export function initializeParameters(layerDims: number[], seed = 1): Parameters {
  np.random.seed(seed);
  const params: Record<string, tf.Variable> = {};
  for (let l = 1; l <= 3; l++) {
    const [fanIn, fanOut] = [layerDims[l - 1]!, layerDims[l]!];
    const limit = Math.sqrt(6 / fanIn);
    params[`W${l}`] = tf.variable(tf.tensor2d(np.random.uniform(-limit, limit, fanOut * fanIn), [fanOut, fanIn]));
    params[`b${l}`] = tf.variable(tf.zeros([fanOut, 1]));
  }
  return params as Parameters;
}
