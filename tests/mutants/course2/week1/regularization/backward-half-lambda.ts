import * as tf from '@tensorflow/tfjs';
import { computeCost } from '../../../../../lib/datasets/course2-week1-utils';
import { np } from '../../../../../lib/np-random';
import type { Cache, DropoutCache, Gradients, ThreeLayerParameters } from '../../../../../solutions/course2/week1/regularization';
export * from '../../../../../solutions/course2/week1/regularization';

export const mutant = {
  fn: 'backwardPropagationWithRegularization',
  hint: 'The derivative of (λ / 2m)·W² is (λ / m)·W — the 2 cancels: the penalty\'s gradient is twice what you add.',
};

export function backwardPropagationWithRegularization(X: tf.Tensor2D, Y: tf.Tensor2D, cache: Cache, lambd: number): Gradients {
  const m = X.shape[1];
  const [, A1, W1, b1, , A2, W2, b2, , A3, W3, b3] = cache;
  void b1, b2, b3;
  const dZ3 = tf.sub(A3, Y) as tf.Tensor2D;
  const dW3 = tf.add(tf.matMul(dZ3, A2, false, true).div(m), tf.mul(lambd / (2 * m), W3)) as tf.Tensor2D;
  const db3 = tf.sum(dZ3, 1, true).div(m) as tf.Tensor2D;
  const dA2 = tf.matMul(W3, dZ3, true, false) as tf.Tensor2D;
  const dZ2 = tf.mul(dA2, tf.cast(tf.greater(A2, 0), 'float32')) as tf.Tensor2D;
  const dW2 = tf.add(tf.matMul(dZ2, A1, false, true).div(m), tf.mul(lambd / (2 * m), W2)) as tf.Tensor2D;
  const db2 = tf.sum(dZ2, 1, true).div(m) as tf.Tensor2D;
  const dA1 = tf.matMul(W2, dZ2, true, false) as tf.Tensor2D;
  const dZ1 = tf.mul(dA1, tf.cast(tf.greater(A1, 0), 'float32')) as tf.Tensor2D;
  const dW1 = tf.add(tf.matMul(dZ1, X, false, true).div(m), tf.mul(lambd / (2 * m), W1)) as tf.Tensor2D;
  const db1 = tf.sum(dZ1, 1, true).div(m) as tf.Tensor2D;
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}
