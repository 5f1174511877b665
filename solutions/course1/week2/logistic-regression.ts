/**
 * Course 1, week 2 — Logistic regression with a neural network mindset.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';

export type Params = { w: tf.Tensor2D; b: number };
export type Grads = { dw: tf.Tensor2D; db: number };

/** w: a [dim, 1] column of zeros; b: the number 0. */
export function initializeWithZeros(dim: number): Params {
  return { w: tf.zeros([dim, 1]), b: 0 };
}

/** The activations A = σ(wᵀX + b), a [1, m] row. */
function activations(w: tf.Tensor2D, b: number, X: tf.Tensor2D): tf.Tensor2D {
  return tf.sigmoid(tf.add(tf.matMul(w, X, true, false), b)) as tf.Tensor2D;
}

/**
 * Forward and backward propagation. X is [nX, m], Y is [1, m].
 *   A = σ(wᵀX + b), cost = −(1/m) Σ [y·log(a) + (1 − y)·log(1 − a)]
 *   dw = (1/m)·X·(A − Y)ᵀ, db = (1/m)·Σ (A − Y)
 */
export function propagate(w: tf.Tensor2D, b: number, X: tf.Tensor2D, Y: tf.Tensor2D): { grads: Grads; cost: number } {
  const m = X.shape[1];
  const A = activations(w, b, X);
  const logprobs = tf.add(tf.mul(Y, tf.log(A)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, A))));
  const cost = -tf.sum(logprobs).dataSync()[0]! / m;
  const dZ = tf.sub(A, Y);
  const dw = tf.matMul(X, dZ, false, true).div(m) as tf.Tensor2D;
  const db = tf.sum(dZ).dataSync()[0]! / m;
  return { grads: { dw, db }, cost };
}

/** One iteration's results, kept out of tf.tidy's cleanup. */
type Step = { w: tf.Tensor2D; b: number; dw: tf.Tensor2D; db: number; cost: number };

/**
 * Gradient descent: numIterations steps of θ ← θ − α·dθ. Records the cost every
 * 100 iterations (iteration 0 included). The grads returned are the last step's.
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
  const costs: number[] = [];
  let step: Step = { w: tf.clone(w), b, dw: tf.zerosLike(w), db: 0, cost: NaN };
  for (let i = 0; i < numIterations; i++) {
    const prev = step;
    step = tf.tidy((): Step => {
      const { grads, cost } = propagate(prev.w, prev.b, X, Y);
      return {
        w: tf.sub(prev.w, tf.mul(learningRate, grads.dw)),
        b: prev.b - learningRate * grads.db,
        dw: grads.dw,
        db: grads.db,
        cost,
      };
    });
    tf.dispose([prev.w, prev.dw]);
    if (i % 100 === 0) {
      costs.push(step.cost);
      if (printCost) console.log(`Cost after iteration ${i}: ${step.cost}`);
    }
  }
  return { params: { w: step.w, b: step.b }, grads: { dw: step.dw, db: step.db }, costs };
}

/** 1 where σ(wᵀx + b) > 0.5, else 0: a [1, m] row for X of [nX, m]. */
export function predict(w: tf.Tensor2D, b: number, X: tf.Tensor2D): tf.Tensor2D {
  return tf.cast(tf.greater(activations(w, b, X), 0.5), 'float32') as tf.Tensor2D;
}

/** Percentage of predictions equal to the labels. */
function accuracy(predictions: tf.Tensor2D, Y: tf.Tensor2D): number {
  return 100 - tf.mean(tf.abs(tf.sub(predictions, Y))).dataSync()[0]! * 100;
}

/** Initialise with zeros, optimise, and predict on both sets. */
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
  const init = initializeWithZeros(XTrain.shape[0]);
  const { params, costs } = optimize(init.w, init.b, XTrain, YTrain, numIterations, learningRate, printCost);
  const { w, b } = params;
  const YPredictionTest = predict(w, b, XTest);
  const YPredictionTrain = predict(w, b, XTrain);
  if (printCost) {
    console.log(`train accuracy: ${accuracy(YPredictionTrain, YTrain)} %`);
    console.log(`test accuracy: ${accuracy(YPredictionTest, YTest)} %`);
  }
  return { costs, YPredictionTest, YPredictionTrain, w, b, learningRate, numIterations };
}
