/**
 * Course 1, week 4 — Building your deep neural network: step by step.
 *
 * Build every piece of an L-layer network — [LINEAR → RELU] × (L − 1) → LINEAR
 * → SIGMOID — forward and backward. The next assignment (deep-network-application)
 * imports these functions to train a cat classifier, so they must be right here.
 * Read deep-network-step-by-step.md first. Grade your work with: npm run grade week4
 *
 * Conventions, as in the course: examples are columns. X is [nX, m], Y is [1, m],
 * Wl is [n_l, n_{l−1}], bl is [n_l, 1].
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';
import { notImplemented } from '../../../lib/not-implemented';

/** W1, b1, W2, b2, …, WL, bL. */
export type Parameters = Record<string, tf.Tensor2D>;
/** dA0, dW1, db1, …: what lModelBackward returns. */
export type Gradients = Record<string, tf.Tensor2D>;
export type Activation = 'sigmoid' | 'relu';
/** What linearForward keeps for linearBackward: [A_prev, W, b]. */
export type LinearCache = [A: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D];
/** What linearActivationForward keeps: [linearCache, activationCache], the activation cache being Z. */
export type LayerCache = [linearCache: LinearCache, activationCache: tf.Tensor2D];

/**
 * Exercise 1 — initialise an L-layer network. layerDims = [n0, n1, …, nL] holds
 * the size of every layer, the input layer first: the network has L = layerDims.length − 1 layers.
 * Call np.random.seed(3) first (so your numbers match the grader's), then for l = 1 … L:
 *   W{l} = randn(n_l, n_{l−1}) × 0.01      b{l} = zeros [n_l, 1]
 * Keys are "W1", "b1", "W2", … (a template string: `W${l}`). Draw the layers in order:
 * W1 first, then W2, and so on. np.random.randn(rows, cols) returns a flat array;
 * tf.tensor2d(values, [rows, cols]) shapes it.
 */
export function initializeParametersDeep(layerDims: number[]): Parameters {
  void np; // you will need np.random here
  return notImplemented('initializeParametersDeep');
}

/**
 * Exercise 2 — the linear part of a layer's forward pass.
 *   Z = W·A + b        (A is the previous layer's activations, [n_{l−1}, m]; b broadcasts over the m columns)
 * Return [Z, cache] with cache = [A, W, b]: linearBackward needs them.
 */
export function linearForward(A: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D): [tf.Tensor2D, LinearCache] {
  return notImplemented('linearForward');
}

/**
 * Exercise 3 — one whole layer: LINEAR then ACTIVATION.
 *   [Z, linearCache] = linearForward(APrev, W, b)
 *   A = σ(Z) for 'sigmoid' (tf.sigmoid), A = max(0, Z) for 'relu' (tf.relu)
 * Return [A, cache] with cache = [linearCache, Z] (Z is the "activation cache").
 */
export function linearActivationForward(APrev: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D, activation: Activation): [tf.Tensor2D, LayerCache] {
  return notImplemented('linearActivationForward');
}

/**
 * Exercise 4 — the forward pass of the whole network.
 * L = the number of layers = (number of keys in parameters) / 2. Starting from A = X:
 *   layers 1 … L − 1: A = linearActivationForward(A, W{l}, b{l}, 'relu')
 *   layer L:         AL = linearActivationForward(A, W{L}, b{L}, 'sigmoid')
 * Push every layer's cache (the last one too) onto caches, in order. Return [AL, caches].
 */
export function lModelForward(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, LayerCache[]] {
  return notImplemented('lModelForward');
}

/**
 * Exercise 5 — the cross-entropy cost, as a number.
 *   J = −(1/m) Σ [ y·log(a) + (1 − y)·log(1 − a) ]
 * m is the number of examples (columns). tf.sum(...).dataSync()[0] turns a scalar tensor into a number.
 */
export function computeCost(AL: tf.Tensor2D, Y: tf.Tensor2D): number {
  return notImplemented('computeCost');
}

/**
 * Exercise 6 — the linear part of a layer's backward pass. Given dZ and the cache [A_prev, W, b]:
 *   dW = (1/m) dZ·A_prevᵀ        db = (1/m) Σ dZ over the examples (keep it [n, 1])
 *   dA_prev = Wᵀ·dZ              (no 1/m here)
 * m is the number of examples, A_prev.shape[1]. Return [dA_prev, dW, db].
 * tf.matMul(a, b, transposeA, transposeB) transposes for you; tf.sum(x, 1, true) keeps the dimension.
 */
export function linearBackward(dZ: tf.Tensor2D, cache: LinearCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  return notImplemented('linearBackward');
}

/**
 * Exercise 7 — one whole layer backward. The cache is [linearCache, Z].
 *   'relu':    dZ = dA ∗ relu′(Z),  relu′(z) = 1 where z > 0, else 0   (tf.step(Z) gives exactly that)
 *   'sigmoid': dZ = dA ∗ s ∗ (1 − s) with s = σ(Z)
 * (∗ is element-wise.) Then return linearBackward(dZ, linearCache): [dA_prev, dW, db].
 */
export function linearActivationBackward(dA: tf.Tensor2D, cache: LayerCache, activation: Activation): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  return notImplemented('linearActivationBackward');
}

/**
 * Exercise 8 — the backward pass of the whole network. L = caches.length.
 *   dAL = −(Y / AL − (1 − Y) / (1 − AL))        (the derivative of the loss with respect to AL)
 *   layer L (sigmoid), with caches[L − 1]:      [dA{L−1}, dW{L}, db{L}] = linearActivationBackward(dAL, …, 'sigmoid')
 *   layers l = L − 1 down to 1 (relu), with caches[l − 1]:
 *                                               [dA{l−1}, dW{l}, db{l}] = linearActivationBackward(dA{l}, …, 'relu')
 * Return grads = { dA{L−1}, dW{L}, db{L}, …, dA0, dW1, db1 }: keys "dA0", "dW1", "db1", …
 * (dA0, the gradient with respect to X, is kept too, as in the course).
 */
export function lModelBackward(AL: tf.Tensor2D, Y: tf.Tensor2D, caches: LayerCache[]): Gradients {
  return notImplemented('lModelBackward');
}

/**
 * Exercise 9 — one step of gradient descent on every layer l = 1 … L:
 *   W{l} = W{l} − learningRate · dW{l}        b{l} = b{l} − learningRate · db{l}
 * Return new tensors in a new object; do not change the ones you were given.
 */
export function updateParameters(params: Parameters, grads: Gradients, learningRate: number): Parameters {
  return notImplemented('updateParameters');
}
