import * as tf from '@tensorflow/tfjs';
import type { Gradients, Parameters } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = { fn: 'updateParameters', hint: 'The step uses a fixed learning rate (0.0075) instead of the learningRate argument.' };

export function updateParameters(params: Parameters, grads: Gradients, _learningRate: number): Parameters {
  const parameters: Parameters = {};
  const L = Object.keys(params).length / 2;
  for (let l = 1; l <= L; l++) {
    parameters[`W${l}`] = tf.sub(params[`W${l}`]!, tf.mul(0.0075, grads[`dW${l}`]!));
    parameters[`b${l}`] = tf.sub(params[`b${l}`]!, tf.mul(0.0075, grads[`db${l}`]!));
  }
  return parameters;
}
