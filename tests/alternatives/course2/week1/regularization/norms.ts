/**
 * Correct alternative (norms): the L2 penalty from tf.norm (Frobenius) squared in JavaScript, the cross-entropy
 * written out with tf.mean, and the regularized gradients as (dZ·Aᵀ + λ·W) / m, the 1/m applied once. Dropout is
 * the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import type { Cache, Gradients, ThreeLayerParameters } from '../../../../../solutions/course2/week1/regularization';

export type { Cache, Gradients, ThreeLayerParameters, DropoutCache } from '../../../../../solutions/course2/week1/regularization';
export { forwardPropagationWithDropout, backwardPropagationWithDropout } from '../../../../../solutions/course2/week1/regularization';

export function computeCostWithRegularization(A3: tf.Tensor2D, Y: tf.Tensor2D, parameters: ThreeLayerParameters, lambd: number): number {
  const m = Y.shape[1];
  const crossEntropy = tf.tidy(() => tf.neg(tf.mean(tf.add(tf.mul(Y, tf.log(A3)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, A3))))))).dataSync()[0]!;
  let squares = 0;
  for (const W of [parameters.W1, parameters.W2, parameters.W3]) {
    const n = tf.tidy(() => tf.norm(W)).dataSync()[0]!;
    squares += n * n;
  }
  return crossEntropy + (lambd * squares) / (2 * m);
}

export function backwardPropagationWithRegularization(X: tf.Tensor2D, Y: tf.Tensor2D, cache: Cache, lambd: number): Gradients {
  const m = X.shape[1];
  const [, A1, W1, , , A2, W2, , , A3, W3] = cache;
  const layer = (dZ: tf.Tensor2D, APrev: tf.Tensor2D, W: tf.Tensor2D) =>
    [tf.div(tf.add(tf.matMul(dZ, tf.transpose(APrev)), tf.mul(lambd, W)), m) as tf.Tensor2D, tf.div(tf.sum(dZ, 1, true), m) as tf.Tensor2D] as const;
  const dZ3 = tf.sub(A3, Y) as tf.Tensor2D;
  const [dW3, db3] = layer(dZ3, A2, W3);
  const dA2 = tf.matMul(tf.transpose(W3), dZ3) as tf.Tensor2D;
  const dZ2 = tf.where(tf.greater(A2, 0), dA2, tf.zerosLike(dA2)) as tf.Tensor2D;
  const [dW2, db2] = layer(dZ2, A1, W2);
  const dA1 = tf.matMul(tf.transpose(W2), dZ2) as tf.Tensor2D;
  const dZ1 = tf.where(tf.greater(A1, 0), dA1, tf.zerosLike(dA1)) as tf.Tensor2D;
  const [dW1, db1] = layer(dZ1, X, W1);
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

export const alternative = { style: 'norms', fns: ['computeCostWithRegularization', 'backwardPropagationWithRegularization'] };
