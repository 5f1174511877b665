/**
 * Course 2, week 3 — Softmax and a TensorFlow.js classifier.
 *
 * First the pieces of a multi-class output layer (softmax, one-hot labels, the
 * softmax cross-entropy), then a 3-layer network whose parameters are
 * tf.Variables, trained by TensorFlow.js's Adam optimizer: you write the
 * forward pass and the cost, and TensorFlow.js computes the gradients.
 * Read tensorflow-intro.md first. Grade your work with: npm run grade course2/week3
 *
 * Conventions, as in the course: examples are columns. Logits and one-hot
 * labels are [C, m] (C classes), X is [nX, m].
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { randomMiniBatchIndices } from '../../../lib/datasets/signs';
import { np } from '../../../lib/np-random';
import { notImplemented } from '../../../lib/not-implemented';

export type Parameters = {
  W1: tf.Variable;
  b1: tf.Variable;
  W2: tf.Variable;
  b2: tf.Variable;
  W3: tf.Variable;
  b3: tf.Variable;
};

export type TrainedModel = {
  parameters: Parameters;
  trainAccuracy: number;
  testAccuracy: number;
  costs: number[];
};

/**
 * Exercise 1 — softmax over the classes.
 * Z is [C, m]: each column holds one example's C logits. Return A [C, m] with
 *   A[i, j] = exp(Z[i, j]) / Σ_k exp(Z[k, j])       (each column sums to 1)
 * exp overflows in float32 above ~88: subtract each column's largest logit first
 * (tf.max(Z, 0, true)) — the result does not change, since softmax(z + c) = softmax(z).
 * Careful: tf.softmax works over the LAST axis, which here is the examples.
 */
export function softmax(Z: tf.Tensor2D): tf.Tensor2D {
  return notImplemented('softmax');
}

/**
 * Exercise 2 — one-hot labels.
 * labels is an int32 [m] tensor of class indices 0 … C−1. Return a float32
 * [C, m] matrix whose column j is all 0 except a 1 in row labels[j].
 * tf.oneHot(indices, depth) gives [m, C] (int32): transpose it, and make it float32 (.toFloat()).
 * Use C for the depth, not the largest label: a batch need not contain every class.
 */
export function oneHot(labels: tf.Tensor1D, C: number): tf.Tensor2D {
  return notImplemented('oneHot');
}

/**
 * Exercise 3 — the softmax cross-entropy cost, as a scalar tensor.
 *   J = −(1/m) Σ_j Σ_i Y[i, j] · log softmax(Z)[i, j]
 * logits is Z3 [C, m] (before any softmax), labels the one-hot Y [C, m].
 * tf.losses.softmaxCrossEntropy(onehotLabels, logits) computes exactly this, with the
 * classes on the LAST axis and the mean over examples: give it the transposes.
 * Do not compute tf.log(softmax(Z)) yourself: for large logits softmax underflows to 0.
 * Return the tensor (not a number): the optimizer differentiates it.
 */
export function computeCost(logits: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar {
  return notImplemented('computeCost');
}

/**
 * Exercise 4 — initialise the parameters as tf.Variables.
 * layerDims = [nX, n1, n2, C]. Call np.random.seed(seed) first, then for l = 1, 2, 3 in order:
 *   r  = √(6 / (n(l−1) + nl))                         (Glorot / Xavier uniform)
 *   Wl = np.random.uniform(−r, r, nl · n(l−1)) shaped [nl, n(l−1)]
 *   bl = zeros [nl, 1]
 * Wrap each one with tf.variable(...) — without a name (names must be unique for the whole program).
 */
export function initializeParameters(layerDims: number[], seed = 1): Parameters {
  void np; // you will need np.random here
  return notImplemented('initializeParameters');
}

/**
 * Exercise 5 — forward propagation: LINEAR → RELU → LINEAR → RELU → LINEAR.
 *   Z1 = W1·X + b1,  A1 = relu(Z1),  Z2 = W2·A1 + b2,  A2 = relu(Z2),  Z3 = W3·A2 + b3
 * Return Z3 [C, m], the logits: no softmax here, computeCost applies it.
 */
export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): tf.Tensor2D {
  return notImplemented('forwardPropagation');
}

/**
 * Exercise 6 — the model: train [nX, 25, 12, C] with Adam on mini-batches.
 *   - parameters = initializeParameters([nX, 25, 12, C]) (default seed), C = YTrain.shape[0]
 *   - optimizer = tf.train.adam(learningRate)
 *   - seed = 3; for each epoch: seed += 1, then for each mini-batch of
 *     randomMiniBatchIndices(m, minibatchSize, seed) (column indices; tf.gather(X, indices, 1)):
 *       cost = optimizer.minimize(() => computeCost(forwardPropagation(Xb, parameters), Yb), true)
 *     minimize updates every trainable variable and, with `true`, returns the cost it
 *     computed before the update. The epoch's cost is the MEAN of its mini-batch costs:
 *     push it onto costs once per epoch (print it every 10 epochs when printCost).
 *   - trainAccuracy / testAccuracy: the share of that set's columns where
 *     tf.argMax(Z3, 0) equals tf.argMax(Y, 0), as numbers.
 * Wrap each step in tf.tidy (it keeps variables) so intermediate tensors are freed.
 */
export function model(
  XTrain: tf.Tensor2D,
  YTrain: tf.Tensor2D,
  XTest: tf.Tensor2D,
  YTest: tf.Tensor2D,
  learningRate = 0.0001,
  numEpochs = 1500,
  minibatchSize = 32,
  printCost = false,
): TrainedModel {
  void randomMiniBatchIndices; // you will need it for the mini-batches
  return notImplemented('model');
}
