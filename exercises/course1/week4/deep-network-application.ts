/**
 * Course 1, week 4 — Deep neural network for image classification: application.
 *
 * Train two networks to tell cat pictures from non-cat pictures: a 2-layer one
 * and an L-layer one, built from YOUR functions of the step-by-step assignment
 * (imported below), so finish that one first.
 * Read deep-network-application.md first. Grade your work with: npm run grade week4
 *
 * Conventions, as in the course: examples are columns. X is [nX, m] (one
 * flattened image per column, pixels / 255), Y is [1, m] of 0 (non-cat) / 1 (cat).
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';
import { notImplemented } from '../../../lib/not-implemented';
import {
  computeCost,
  lModelBackward,
  lModelForward,
  linearActivationBackward,
  linearActivationForward,
  updateParameters,
  type Parameters,
} from './deep-network-step-by-step';

export type { Parameters } from './deep-network-step-by-step';

/** What both models return: the learned parameters and the cost every 100 iterations. */
export type TrainingResult = { parameters: Parameters; costs: number[] };

/**
 * Given (like the course's dnn_app_utils): the 2-layer initialisation.
 * W1 = randn(nH, nX) × 0.01, W2 = randn(nY, nH) × 0.01 after np.random.seed(1); zero biases.
 */
export function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  np.random.seed(1);
  return {
    W1: tf.tensor2d(np.random.randn(nH, nX), [nH, nX]).mul(0.01),
    b1: tf.zeros([nH, 1]),
    W2: tf.tensor2d(np.random.randn(nY, nH), [nY, nH]).mul(0.01),
    b2: tf.zeros([nY, 1]),
  };
}

/**
 * Given (like the course's dnn_app_utils): the L-layer initialisation.
 * Wl = randn(n_l, n_{l−1}) / √n_{l−1} after np.random.seed(1); zero biases.
 * Not the step-by-step version (× 0.01): in a deep network such small weights
 * shrink the signal at every layer and training stalls. Dividing by √n_{l−1}
 * keeps each layer's output on the scale of its input.
 */
export function initializeParametersDeep(layerDims: number[]): Parameters {
  np.random.seed(1);
  const parameters: Parameters = {};
  for (let l = 1; l < layerDims.length; l++) {
    const [n, nPrev] = [layerDims[l]!, layerDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).div(Math.sqrt(nPrev));
    parameters[`b${l}`] = tf.zeros([n, 1]);
  }
  return parameters;
}

/**
 * Exercise 1 — a 2-layer network: LINEAR → RELU → LINEAR → SIGMOID.
 * layersDims = [nX, nH, nY]. Call np.random.seed(1), then initializeParameters(nX, nH, nY) (above).
 * Then, numIterations times (i = 0, 1, …):
 *   forward:  [A1, cache1] = linearActivationForward(X, W1, b1, 'relu')
 *             [A2, cache2] = linearActivationForward(A1, W2, b2, 'sigmoid')
 *   cost:     computeCost(A2, Y)
 *   backward: dA2 = −(Y / A2 − (1 − Y) / (1 − A2))
 *             [dA1, dW2, db2] = linearActivationBackward(dA2, cache2, 'sigmoid')
 *             [dA0, dW1, db1] = linearActivationBackward(dA1, cache1, 'relu')
 *   update:   parameters = updateParameters(parameters, { dW1, db1, dW2, db2 }, learningRate)
 *   record:   when i % 100 === 0, push the cost onto costs (print it too when printCost is true).
 * Return { parameters, costs }.
 * Memory: wrap each iteration in tf.tidy(() => …), returning the new parameters and the
 * cost from it, and tf.dispose the old parameters, or every iteration's tensors stay in memory.
 */
export function twoLayerModel(
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  layersDims: [number, number, number],
  learningRate = 0.0075,
  numIterations = 3000,
  printCost = false,
): TrainingResult {
  void [linearActivationForward, linearActivationBackward, computeCost, updateParameters]; // you will need these
  return notImplemented('twoLayerModel');
}

/**
 * Exercise 2 — an L-layer network: [LINEAR → RELU] × (L − 1) → LINEAR → SIGMOID.
 * layersDims = [nX, n1, …, 1]. Call np.random.seed(1), then initializeParametersDeep(layersDims)
 * (the one above, not the step-by-step one). Then, numIterations times:
 *   [AL, caches] = lModelForward(X, parameters);  cost = computeCost(AL, Y)
 *   grads = lModelBackward(AL, Y, caches);         parameters = updateParameters(parameters, grads, learningRate)
 *   when i % 100 === 0, push the cost onto costs (print it too when printCost is true).
 * Return { parameters, costs }. Same advice on tf.tidy as above.
 */
export function lLayerModel(
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  layersDims: number[],
  learningRate = 0.0075,
  numIterations = 3000,
  printCost = false,
): TrainingResult {
  void [lModelForward, lModelBackward]; // you will need these
  return notImplemented('lLayerModel');
}

/**
 * Exercise 3 — predictions of a trained L-layer network (2 layers count too).
 * AL from lModelForward(X, parameters); return a [1, m] tensor: 1 where AL > 0.5, else 0.
 * When labels Y are given (not null), also print the accuracy: the share of predictions equal to Y.
 * tf.greater gives booleans; tf.cast(…, 'float32') turns them into 0/1.
 */
export function predict(X: tf.Tensor2D, Y: tf.Tensor2D | null, parameters: Parameters): tf.Tensor2D {
  return notImplemented('predict');
}
