import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'updateParametersWithGd', hint: 'The parameters move along the gradient, uphill: subtract learningRate · dθ, do not add it.' };

export function updateParametersWithGd(parameters: Parameters, grads: Grads, learningRate: number): Parameters {
  const L = Object.keys(parameters).length / 2;
  const out: Parameters = {};
  for (let l = 1; l <= L; l++) {
    out[`W${l}`] = tf.add(parameters[`W${l}`]!, tf.mul(learningRate, grads[`dW${l}`]!));
    out[`b${l}`] = tf.add(parameters[`b${l}`]!, tf.mul(learningRate, grads[`db${l}`]!));
  }
  return out;
}
