/**
 * Course 1, week 3 — Planar data classification with one hidden layer.
 *
 * Build a 2-layer network (tanh hidden layer, sigmoid output) that separates the
 * two colours of the "flower" dataset, something logistic regression cannot do.
 * Read planar-classification.md first. Grade your work with: npm run grade week3
 *
 * Conventions, as in the course: examples are columns. X is [nX, m], Y is [1, m].
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';
import { notImplemented } from '../../../lib/not-implemented';

export type Parameters = { W1: tf.Tensor2D; b1: tf.Tensor2D; W2: tf.Tensor2D; b2: tf.Tensor2D };
export type Cache = { Z1: tf.Tensor2D; A1: tf.Tensor2D; Z2: tf.Tensor2D; A2: tf.Tensor2D };
export type Gradients = { dW1: tf.Tensor2D; db1: tf.Tensor2D; dW2: tf.Tensor2D; db2: tf.Tensor2D };

/**
 * Exercise 1 — the sizes of the three layers.
 * nX: the size of the input layer (rows of X); nH: 4 hidden units (hard-code 4);
 * nY: the size of the output layer (rows of Y). Tip: X.shape[0].
 */
export function layerSizes(X: tf.Tensor2D, Y: tf.Tensor2D): { nX: number; nH: number; nY: number } {
  return notImplemented('layerSizes');
}

/**
 * Exercise 2 — initialise the parameters.
 * Call np.random.seed(2) first (so your numbers match the grader's), then:
 *   W1 = randn(nH, nX) × 0.01, b1 = zeros [nH, 1], W2 = randn(nY, nH) × 0.01, b2 = zeros [nY, 1].
 * np.random.randn(rows, cols) returns a flat array: tf.tensor2d(values, [rows, cols]) shapes it.
 * Small random weights break the symmetry between hidden units; zero biases are fine.
 */
export function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  void np; // you will need np.random here
  return notImplemented('initializeParameters');
}

/**
 * Exercise 3 — forward propagation.
 *   Z1 = W1·X + b1,  A1 = tanh(Z1),  Z2 = W2·A1 + b2,  A2 = σ(Z2)
 * Return [A2, { Z1, A1, Z2, A2 }]: the cache is what backward propagation needs.
 * Useful: tf.matMul, tf.add (b1 broadcasts over the m columns), tf.tanh, tf.sigmoid.
 */
export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, Cache] {
  return notImplemented('forwardPropagation');
}

/**
 * Exercise 4 — the cross-entropy cost, as a number.
 *   J = −(1/m) Σ [ y·log(a) + (1 − y)·log(1 − a) ]
 * m is the number of examples (columns). tf.sum(...).dataSync()[0] turns a scalar tensor into a number.
 */
export function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): number {
  return notImplemented('computeCost');
}

/**
 * Exercise 5 — backward propagation.
 *   dZ2 = A2 − Y
 *   dW2 = (1/m) dZ2·A1ᵀ        db2 = (1/m) Σ dZ2 over examples (keep it [nY, 1])
 *   dZ1 = W2ᵀ·dZ2 ∗ (1 − A1²)   (tanh'(z) = 1 − tanh(z)²; ∗ is element-wise)
 *   dW1 = (1/m) dZ1·Xᵀ          db1 = (1/m) Σ dZ1 over examples (keep it [nH, 1])
 * tf.matMul(a, b, transposeA, transposeB) transposes for you; tf.sum(x, 1, true) keeps the dimension.
 */
export function backwardPropagation(parameters: Parameters, cache: Cache, X: tf.Tensor2D, Y: tf.Tensor2D): Gradients {
  return notImplemented('backwardPropagation');
}

/**
 * Exercise 6 — one step of gradient descent: θ = θ − learningRate · dθ for W1, b1, W2, b2.
 * Return new tensors; do not change the ones you were given.
 */
export function updateParameters(parameters: Parameters, grads: Gradients, learningRate = 1.2): Parameters {
  return notImplemented('updateParameters');
}

/**
 * Exercise 7 — put it together. Call np.random.seed(3), get the layer sizes,
 * initialise, then repeat numIterations times: forward, backward, update.
 * Wrap each iteration in tf.tidy(() => …) and dispose the old parameters, or the
 * tensors of every iteration stay in memory. Print the cost every 1000 iterations when printCost is true.
 */
export function nnModel(X: tf.Tensor2D, Y: tf.Tensor2D, nH: number, numIterations = 10000, printCost = false): Parameters {
  return notImplemented('nnModel');
}

/**
 * Exercise 8 — predictions: 1 where A2 > 0.5, else 0, as a [1, m] tensor.
 * tf.greater gives booleans; tf.cast(…, 'float32') turns them into 0/1.
 */
export function predict(parameters: Parameters, X: tf.Tensor2D): tf.Tensor2D {
  return notImplemented('predict');
}
