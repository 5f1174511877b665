import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'updateParametersWithGd', hint: 'The last layer is not updated: with L = number of parameters / 2, loop l = 1 … L inclusive (l <= L).' };

export function updateParametersWithGd(parameters: Parameters, grads: Grads, learningRate: number): Parameters {
  const L = Object.keys(parameters).length / 2;
  const out: Parameters = { ...parameters };
  for (let l = 1; l < L; l++) {
    out[`W${l}`] = tf.sub(parameters[`W${l}`]!, tf.mul(learningRate, grads[`dW${l}`]!));
    out[`b${l}`] = tf.sub(parameters[`b${l}`]!, tf.mul(learningRate, grads[`db${l}`]!));
  }
  return out;
}
