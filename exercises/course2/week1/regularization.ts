/**
 * Course 2, week 1 — Regularization.
 *
 * Two ways to keep a network from overfitting: L2 regularization (a penalty on
 * large weights) and dropout (randomly silencing hidden units while training).
 * The network is the course's three-layer classifier,
 *   LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID,
 * whose plain forward pass, cost and backward pass are provided in
 * lib/datasets/course2-week1-utils.ts. Read regularization.md first.
 * Grade your work with: npm run grade -- course2/week1/regularization
 *
 * Conventions, as in the course: examples are columns. X is [nX, m], Y is [1, m],
 * Wl is [n_l, n_(l−1)], bl is [n_l, 1]. Caches are the course's tuples (arrays), in
 * the course's order. Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { computeCost, type Cache, type Gradients, type ThreeLayerParameters } from '../../../lib/datasets/course2-week1-utils';
import { np } from '../../../lib/np-random';
import { notImplemented } from '../../../lib/not-implemented';

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

/**
 * Exercise 1 — the cost with L2 regularization, as a number.
 *   J = cross-entropy  +  (λ / 2m)·( Σ W1²  +  Σ W2²  +  Σ W3² )
 * The cross-entropy part is the provided computeCost(A3, Y). m is the number of
 * examples (columns of Y). Only the weights are penalized, not the biases.
 * Useful: tf.sum(tf.square(W)), and .dataSync()[0] to read a scalar tensor.
 */
export function computeCostWithRegularization(A3: tf.Tensor2D, Y: tf.Tensor2D, parameters: ThreeLayerParameters, lambd: number): number {
  void computeCost; // you will need the provided computeCost here
  return notImplemented('computeCostWithRegularization');
}

/**
 * Exercise 2 — backward propagation with L2 regularization.
 * The cache is the provided forwardPropagation's (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3):
 *   const [Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3] = cache;
 * Same as the plain backward pass, except that each weight gradient gains the
 * gradient of the penalty:
 *   dZ3 = A3 − Y
 *   dW3 = (1/m)·dZ3·A2ᵀ + (λ/m)·W3         db3 = (1/m)·Σ dZ3 over the examples (keep [n3, 1])
 *   dA2 = W3ᵀ·dZ3,  dZ2 = dA2 ∗ (A2 > 0)
 *   dW2 = (1/m)·dZ2·A1ᵀ + (λ/m)·W2         db2 = (1/m)·Σ dZ2
 *   dA1 = W2ᵀ·dZ2,  dZ1 = dA1 ∗ (A1 > 0)
 *   dW1 = (1/m)·dZ1·Xᵀ  + (λ/m)·W1         db1 = (1/m)·Σ dZ1
 * Return all eleven: { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 }.
 * Useful: tf.matMul(a, b, transposeA, transposeB), tf.sum(x, 1, true), tf.cast(tf.greater(A, 0), 'float32').
 */
export function backwardPropagationWithRegularization(X: tf.Tensor2D, Y: tf.Tensor2D, cache: Cache, lambd: number): Gradients {
  return notImplemented('backwardPropagationWithRegularization');
}

/**
 * Exercise 3 — forward propagation with (inverted) dropout on both hidden layers.
 * Call np.random.seed(1) first, so your masks are the grader's. Then:
 *   Z1 = W1·X + b1,  A1 = relu(Z1)
 *   D1 = np.random.rand(n1, m) < keepProb   (1 = keep the unit, 0 = drop it; as a 0/1 float tensor)
 *   A1 = A1 ∗ D1 / keepProb                 (divide, so the expected value of A1 is unchanged)
 *   Z2 = W2·A1 + b2, A2 = relu(Z2), D2 = np.random.rand(n2, m) < keepProb, A2 = A2 ∗ D2 / keepProb
 *   Z3 = W3·A2 + b3, A3 = sigmoid(Z3)       (no dropout on the output)
 * Draw D1 before D2 (same stream as the grader). np.random.rand(rows, cols) returns a
 * flat array of uniforms in [0, 1): map it to 0/1 and shape it with tf.tensor2d(values, [rows, cols]).
 * Return [A3, [Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3]] — A1 and A2 after dropout.
 */
export function forwardPropagationWithDropout(X: tf.Tensor2D, parameters: ThreeLayerParameters, keepProb = 0.5): [tf.Tensor2D, DropoutCache] {
  void np; // you will need np.random here
  return notImplemented('forwardPropagationWithDropout');
}

/**
 * Exercise 4 — backward propagation with dropout.
 * Use the SAME masks D1, D2 as the forward pass (from the cache — do not draw new ones):
 * a unit that was silenced contributed nothing, so it receives no gradient.
 *   dZ3 = A3 − Y,  dW3 = (1/m)·dZ3·A2ᵀ,  db3 = (1/m)·Σ dZ3
 *   dA2 = W3ᵀ·dZ3 ∗ D2 / keepProb,  dZ2 = dA2 ∗ (A2 > 0),  dW2 = (1/m)·dZ2·A1ᵀ,  db2 = (1/m)·Σ dZ2
 *   dA1 = W2ᵀ·dZ2 ∗ D1 / keepProb,  dZ1 = dA1 ∗ (A1 > 0),  dW1 = (1/m)·dZ1·Xᵀ,   db1 = (1/m)·Σ dZ1
 * Return all eleven: { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 }.
 */
export function backwardPropagationWithDropout(X: tf.Tensor2D, Y: tf.Tensor2D, cache: DropoutCache, keepProb: number): Gradients {
  return notImplemented('backwardPropagationWithDropout');
}
