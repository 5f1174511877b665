import * as tf from '@tensorflow/tfjs';
import type { Gradients, Parameters } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = { fn: 'updateParameters', hint: 'The update adds the gradient; gradient descent subtracts it: θ = θ − α·dθ.' };

export function updateParameters(params: Parameters, grads: Gradients, learningRate: number): Parameters {
  const parameters: Parameters = {};
  const L = Object.keys(params).length / 2;
  for (let l = 1; l <= L; l++) {
    parameters[`W${l}`] = tf.add(params[`W${l}`]!, tf.mul(learningRate, grads[`dW${l}`]!));
    parameters[`b${l}`] = tf.add(params[`b${l}`]!, tf.mul(learningRate, grads[`db${l}`]!));
  }
  return parameters;
}
