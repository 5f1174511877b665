import * as tf from '@tensorflow/tfjs';
import type { Gradients, Parameters } from '../../../../../solutions/course1/week3/planar-classification';
export * from '../../../../../solutions/course1/week3/planar-classification';

export const mutant = { fn: 'updateParameters', hint: 'The update adds the gradient; gradient descent subtracts it: θ − α·dθ.' };

export function updateParameters(p: Parameters, g: Gradients, learningRate = 1.2): Parameters {
  return {
    W1: tf.add(p.W1, tf.mul(learningRate, g.dW1)),
    b1: tf.add(p.b1, tf.mul(learningRate, g.db1)),
    W2: tf.add(p.W2, tf.mul(learningRate, g.dW2)),
    b2: tf.add(p.b2, tf.mul(learningRate, g.db2)),
  };
}
