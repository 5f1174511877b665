/**
 * Course 1, week 2 — Logistic regression with a neural network mindset.
 *
 * Build a cat / non-cat image classifier as a single neuron: a linear
 * combination of the pixels, then a sigmoid. Read logistic-regression.md first.
 * Grade your work with: npm run grade week2
 *
 * Conventions, as in the course: examples are columns. X is [nX, m] (nX pixel
 * values per image, m images), Y is [1, m] of 0/1 labels, w is [nX, 1], and b
 * is a plain number. Replace each `notImplemented(...)` line with your code;
 * keep the signatures.
 *
 * The data. loadCatDataset() in lib/datasets/images.ts gives images as
 * [m, 16, 16, 3] arrays of pixel values 0–255. As in the course, unroll each
 * image into a column and divide by 255 (numpy: X.reshape(m, -1).T / 255):
 *
 *   import { flattenImages, loadCatDataset } from '../../../lib/datasets/images';
 *   const d = loadCatDataset();
 *   const train = flattenImages(d.trainX, d.trainShape);   // { data, shape: [768, 209] }
 *   const XTrain = tf.tensor2d(train.data, train.shape);
 *   const YTrain = tf.tensor2d(d.trainY, [1, d.trainY.length]);
 *
 * or, with tensors: tf.tensor4d(d.trainX, d.trainShape).reshape([m, -1]).transpose().div(255).
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';

export type Params = { w: tf.Tensor2D; b: number };
export type Grads = { dw: tf.Tensor2D; db: number };

/**
 * Exercise 1 — initialise the parameters with zeros.
 * Return w, a [dim, 1] tensor of zeros (tf.zeros), and b = 0 (a number).
 * (Zeros are fine here: a single neuron has no symmetry to break.)
 */
export function initializeWithZeros(dim: number): Params {
  return notImplemented('initializeWithZeros');
}

/**
 * Exercise 2 — forward and backward propagation.
 * Forward, for all m examples at once:
 *   A = σ(wᵀX + b)                                    a [1, m] row
 *   cost = −(1/m) Σ [ y·log(a) + (1 − y)·log(1 − a) ]  a number
 * Backward:
 *   dw = (1/m)·X·(A − Y)ᵀ                             [nX, 1], like w
 *   db = (1/m)·Σ (A − Y)                              a number, like b
 * Useful: tf.matMul(w, X, true, false) computes wᵀX; tf.sigmoid; tf.log;
 * tf.sum(...).dataSync()[0] turns a scalar tensor into a number.
 * Example: w = [[1], [2]], b = 2, X = [[1, 2, -1], [3, 4, -3.2]], Y = [[1, 0, 1]]
 *   → dw = [[0.99845601], [2.39507239]], db = 0.00145558, cost ≈ 5.8015 (float32 rounding
 *     of log(1 − a) for a close to 1 gives about 5.8018: that is fine).
 */
export function propagate(w: tf.Tensor2D, b: number, X: tf.Tensor2D, Y: tf.Tensor2D): { grads: Grads; cost: number } {
  return notImplemented('propagate');
}

/**
 * Exercise 3 — optimise w and b by gradient descent.
 * Repeat numIterations times:
 *   1. { grads, cost } = propagate(w, b, X, Y)
 *   2. w = w − learningRate·dw,  b = b − learningRate·db
 *   3. when i % 100 === 0 (iterations 0, 100, 200…), push the cost onto costs,
 *      and print it if printCost is true.
 * Return the final { w, b } as params, the grads of the last iteration, and costs.
 * Every iteration creates new tensors: wrap its body in tf.tidy(() => …) and
 * dispose the previous iteration's w, or memory grows with numIterations —
 * not the w you were given: the caller owns it (start from w.clone() if your
 * loop disposes as it goes). tf.tidy returns
 * tensors and numbers alike: return { w, b, dw, db, cost } from it.
 */
export function optimize(
  w: tf.Tensor2D,
  b: number,
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  numIterations: number,
  learningRate: number,
  printCost = false,
): { params: Params; grads: Grads; costs: number[] } {
  return notImplemented('optimize');
}

/**
 * Exercise 4 — predict the labels of the examples in X.
 * Compute A = σ(wᵀX + b), then 1 where A > 0.5 and 0 where A ≤ 0.5, as a [1, m]
 * tensor of numbers: tf.greater gives booleans, tf.cast(…, 'float32') turns them into 0/1.
 */
export function predict(w: tf.Tensor2D, b: number, X: tf.Tensor2D): tf.Tensor2D {
  return notImplemented('predict');
}

/**
 * Exercise 5 — the whole model.
 *   1. w, b = initializeWithZeros(number of rows of XTrain)
 *   2. optimize on the training set for numIterations steps of learningRate
 *   3. predict on the test set and on the training set, with the trained w and b
 * When printCost is true, also print the train and test accuracies:
 *   100 − mean(|YPrediction − Y|)·100 percent.
 * Return { costs, YPredictionTest, YPredictionTrain, w, b, learningRate, numIterations }.
 */
export function model(
  XTrain: tf.Tensor2D,
  YTrain: tf.Tensor2D,
  XTest: tf.Tensor2D,
  YTest: tf.Tensor2D,
  numIterations = 2000,
  learningRate = 0.5,
  printCost = false,
): {
  costs: number[];
  YPredictionTest: tf.Tensor2D;
  YPredictionTrain: tf.Tensor2D;
  w: tf.Tensor2D;
  b: number;
  learningRate: number;
  numIterations: number;
} {
  return notImplemented('model');
}
