/**
 * Course 2, week 1 — Regularization.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';
import { computeCost, type Cache, type Gradients, type ThreeLayerParameters } from '../../../lib/datasets/course2-week1-utils';
import { np } from '../../../lib/np-random';

export type { Cache, Gradients, ThreeLayerParameters } from '../../../lib/datasets/course2-week1-utils';

/** The course's dropout cache: (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3). */
export type DropoutCache = [
  Z1: tf.Tensor2D,
  D1: tf.Tensor2D,
  A1: tf.Tensor2D,
  W1: tf.Tensor2D,
  b1: tf.Tensor2D,
  Z2: tf.Tensor2D,
  D2: tf.Tensor2D,
  A2: tf.Tensor2D,
  W2: tf.Tensor2D,
  b2: tf.Tensor2D,
  Z3: tf.Tensor2D,
  A3: tf.Tensor2D,
  W3: tf.Tensor2D,
  b3: tf.Tensor2D,
];

/** Cross-entropy plus the L2 penalty (λ / 2m)·(‖W1‖² + ‖W2‖² + ‖W3‖²), as a number. */
export function computeCostWithRegularization(A3: tf.Tensor2D, Y: tf.Tensor2D, parameters: ThreeLayerParameters, lambd: number): number {
  const m = Y.shape[1];
  const crossEntropyCost = computeCost(A3, Y);
  const { W1, W2, W3 } = parameters;
  const squares = tf.tidy(() => tf.addN([W1, W2, W3].map((W) => tf.sum(tf.square(W)))).dataSync()[0]!);
  return crossEntropyCost + (lambd / (2 * m)) * squares;
}

/** Backward propagation of the regularized cost: every dWl gains (λ / m)·Wl. */
export function backwardPropagationWithRegularization(X: tf.Tensor2D, Y: tf.Tensor2D, cache: Cache, lambd: number): Gradients {
  const m = X.shape[1];
  const [, A1, W1, , , A2, W2, , , A3, W3] = cache;
  const dZ3 = tf.sub(A3, Y) as tf.Tensor2D;
  const dW3 = tf.add(tf.matMul(dZ3, A2, false, true).div(m), tf.mul(lambd / m, W3)) as tf.Tensor2D;
  const db3 = tf.sum(dZ3, 1, true).div(m) as tf.Tensor2D;
  const dA2 = tf.matMul(W3, dZ3, true, false) as tf.Tensor2D;
  const dZ2 = tf.mul(dA2, tf.cast(tf.greater(A2, 0), 'float32')) as tf.Tensor2D;
  const dW2 = tf.add(tf.matMul(dZ2, A1, false, true).div(m), tf.mul(lambd / m, W2)) as tf.Tensor2D;
  const db2 = tf.sum(dZ2, 1, true).div(m) as tf.Tensor2D;
  const dA1 = tf.matMul(W2, dZ2, true, false) as tf.Tensor2D;
  const dZ1 = tf.mul(dA1, tf.cast(tf.greater(A1, 0), 'float32')) as tf.Tensor2D;
  const dW1 = tf.add(tf.matMul(dZ1, X, false, true).div(m), tf.mul(lambd / m, W1)) as tf.Tensor2D;
  const db1 = tf.sum(dZ1, 1, true).div(m) as tf.Tensor2D;
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

/** A [rows, cols] mask of 1s (kept, probability keepProb) and 0s, from np.random.rand. */
function dropoutMask(rows: number, cols: number, keepProb: number): tf.Tensor2D {
  return tf.tensor2d(
    np.random.rand(rows, cols).map((d) => (d < keepProb ? 1 : 0)),
    [rows, cols],
  );
}

/** LINEAR → RELU → DROPOUT → LINEAR → RELU → DROPOUT → LINEAR → SIGMOID, with inverted dropout. */
export function forwardPropagationWithDropout(X: tf.Tensor2D, parameters: ThreeLayerParameters, keepProb = 0.5): [tf.Tensor2D, DropoutCache] {
  np.random.seed(1);
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  const Z1 = tf.add(tf.matMul(W1, X), b1) as tf.Tensor2D;
  const D1 = dropoutMask(Z1.shape[0], Z1.shape[1], keepProb);
  const A1 = tf.relu(Z1).mul(D1).div(keepProb) as tf.Tensor2D;
  const Z2 = tf.add(tf.matMul(W2, A1), b2) as tf.Tensor2D;
  const D2 = dropoutMask(Z2.shape[0], Z2.shape[1], keepProb);
  const A2 = tf.relu(Z2).mul(D2).div(keepProb) as tf.Tensor2D;
  const Z3 = tf.add(tf.matMul(W3, A2), b3) as tf.Tensor2D;
  const A3 = tf.sigmoid(Z3);
  return [A3, [Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3]];
}

/** Backward propagation through the same dropout masks D1, D2, scaled by 1 / keepProb. */
export function backwardPropagationWithDropout(X: tf.Tensor2D, Y: tf.Tensor2D, cache: DropoutCache, keepProb: number): Gradients {
  const m = X.shape[1];
  const [, D1, A1, , , , D2, A2, W2, , , A3, W3] = cache;
  const dZ3 = tf.sub(A3, Y) as tf.Tensor2D;
  const dW3 = tf.matMul(dZ3, A2, false, true).div(m) as tf.Tensor2D;
  const db3 = tf.sum(dZ3, 1, true).div(m) as tf.Tensor2D;
  const dA2 = tf.matMul(W3, dZ3, true, false).mul(D2).div(keepProb) as tf.Tensor2D;
  const dZ2 = tf.mul(dA2, tf.cast(tf.greater(A2, 0), 'float32')) as tf.Tensor2D;
  const dW2 = tf.matMul(dZ2, A1, false, true).div(m) as tf.Tensor2D;
  const db2 = tf.sum(dZ2, 1, true).div(m) as tf.Tensor2D;
  const dA1 = tf.matMul(W2, dZ2, true, false).mul(D1).div(keepProb) as tf.Tensor2D;
  const dZ1 = tf.mul(dA1, tf.cast(tf.greater(A1, 0), 'float32')) as tf.Tensor2D;
  const dW1 = tf.matMul(dZ1, X, false, true).div(m) as tf.Tensor2D;
  const db1 = tf.sum(dZ1, 1, true).div(m) as tf.Tensor2D;
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}
