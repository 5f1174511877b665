import * as tf from '@tensorflow/tfjs';
import type { Gradients, Parameters } from '../../../../../solutions/course1/week3/planar-classification';
export * from '../../../../../solutions/course1/week3/planar-classification';

export const mutant = { fn: 'updateParameters', hint: 'The update ignores the learningRate argument and always uses 1.2.' };

export function updateParameters(p: Parameters, g: Gradients, _learningRate = 1.2): Parameters {
  const rate = 1.2;
  return {
    W1: tf.sub(p.W1, tf.mul(rate, g.dW1)),
    b1: tf.sub(p.b1, tf.mul(rate, g.db1)),
    W2: tf.sub(p.W2, tf.mul(rate, g.dW2)),
    b2: tf.sub(p.b2, tf.mul(rate, g.db2)),
  };
}
