import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course2/week3/tensorflow-intro';
import type { Parameters } from '../../../../../solutions/course2/week3/tensorflow-intro';

export const mutant = { fn: 'forwardPropagation', hint: 'The last layer is linear: return Z3 = W3·A2 + b3 without a ReLU (the softmax is applied in the cost).' };

export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): tf.Tensor2D {
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  const A1 = tf.relu(tf.add(tf.matMul(W1, X), b1));
  const A2 = tf.relu(tf.add(tf.matMul(W2, A1), b2));
  return tf.relu(tf.add(tf.matMul(W3, A2), b3)) as tf.Tensor2D;
}
