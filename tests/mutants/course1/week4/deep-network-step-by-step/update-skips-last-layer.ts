import * as tf from '@tensorflow/tfjs';
import type { Gradients, Parameters } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = {
  fn: 'updateParameters',
  hint: 'The last layer is not updated: the loop must run over every layer l = 1 … L (L = number of keys / 2).',
};

export function updateParameters(params: Parameters, grads: Gradients, learningRate: number): Parameters {
  const parameters: Parameters = { ...params };
  const L = Object.keys(params).length / 2;
  for (let l = 1; l < L; l++) {
    parameters[`W${l}`] = tf.sub(params[`W${l}`]!, tf.mul(learningRate, grads[`dW${l}`]!));
    parameters[`b${l}`] = tf.sub(params[`b${l}`]!, tf.mul(learningRate, grads[`db${l}`]!));
  }
  return parameters;
}
