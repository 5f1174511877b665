import * as tf from '@tensorflow/tfjs';
import type { Cache, Parameters } from '../../../../../solutions/course1/week3/planar-classification';
export * from '../../../../../solutions/course1/week3/planar-classification';

export const mutant = { fn: 'forwardPropagation', hint: 'The hidden layer uses sigmoid where tanh belongs: A1 = tanh(Z1).' };

export function forwardPropagation(X: tf.Tensor2D, { W1, b1, W2, b2 }: Parameters): [tf.Tensor2D, Cache] {
  const Z1 = tf.add(tf.matMul(W1, X), b1) as tf.Tensor2D;
  const A1 = tf.sigmoid(Z1);
  const Z2 = tf.add(tf.matMul(W2, A1), b2) as tf.Tensor2D;
  const A2 = tf.sigmoid(Z2);
  return [A2, { Z1, A1, Z2, A2 }];
}
