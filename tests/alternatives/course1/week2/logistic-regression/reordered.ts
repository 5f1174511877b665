/**
 * Correct alternative (reordered): vectorised with equivalent formulas — Z from
 * Xᵀ·w transposed, the cost in the stable softplus form log(1 + e^z) − y·z,
 * dw as ((A − Y)·Xᵀ)ᵀ with the 1/m applied before the product, db as a mean,
 * prediction by the sign of z, and a while loop over the iterations.
 */
import * as tf from '@tensorflow/tfjs';
import type { Grads, Params } from '../../../../../solutions/course1/week2/logistic-regression';

export function initializeWithZeros(dim: number): Params {
  return { w: tf.zeros([dim, 1]) as tf.Tensor2D, b: 0 };
}

/** z = wᵀX + b, computed as (Xᵀw)ᵀ: a [1, m] row. */
function linear(w: tf.Tensor2D, b: number, X: tf.Tensor2D): tf.Tensor2D {
  return tf.transpose(tf.matMul(tf.transpose(X), w)).add(tf.scalar(b)) as tf.Tensor2D;
}

export function propagate(w: tf.Tensor2D, b: number, X: tf.Tensor2D, Y: tf.Tensor2D): { grads: Grads; cost: number } {
  const [, m] = X.shape;
  return tf.tidy(() => {
    const z = linear(w, b, X);
    // −[y log σ(z) + (1 − y) log(1 − σ(z))] = log(1 + e^z) − y·z
    const losses = tf.sub(tf.softplus(z), tf.mul(Y, z));
    const cost = tf.mean(losses).dataSync()[0]!;
    const residual = tf.sub(tf.sigmoid(z), Y);
    const scaled = tf.div(residual, m);
    const dw = tf.transpose(tf.matMul(scaled, tf.transpose(X))) as tf.Tensor2D;
    const db = tf.mean(residual).dataSync()[0]!;
    return { grads: { dw, db }, cost };
  });
}

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
  let weights = w;
  let bias = b;
  let grads: Grads = { dw: tf.zerosLike(w), db: 0 };
  let it = 0;
  while (it < numIterations) {
    const out = propagate(weights, bias, X, Y);
    if (it % 100 === 0) {
      costs.push(out.cost);
      if (printCost) console.log(`Cost after iteration ${it}: ${out.cost}`);
    }
    const updated = tf.tidy(() => weights.sub(out.grads.dw.mul(learningRate)) as tf.Tensor2D);
    bias -= learningRate * out.grads.db;
    if (weights !== w) weights.dispose();
    grads.dw.dispose();
    weights = updated;
    grads = out.grads;
    it += 1;
  }
  return { params: { w: weights === w ? tf.clone(w) : weights, b: bias }, grads, costs };
}

export function predict(w: tf.Tensor2D, b: number, X: tf.Tensor2D): tf.Tensor2D {
  // σ(z) > 0.5 exactly when z > 0.
  return tf.tidy(() => tf.greater(linear(w, b, X), 0).toFloat() as tf.Tensor2D);
}

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
  const nX = XTrain.shape[0];
  const { w: w0, b: b0 } = initializeWithZeros(nX);
  const {
    params: { w, b },
    costs,
  } = optimize(w0, b0, XTrain, YTrain, numIterations, learningRate, printCost);
  const YPredictionTrain = predict(w, b, XTrain);
  const YPredictionTest = predict(w, b, XTest);
  if (printCost) {
    const acc = (p: tf.Tensor2D, y: tf.Tensor2D) => tf.tidy(() => tf.equal(p, y).toFloat().mean().mul(100).dataSync()[0]!);
    console.log(`train accuracy: ${acc(YPredictionTrain, YTrain)} %`);
    console.log(`test accuracy: ${acc(YPredictionTest, YTest)} %`);
  }
  return { costs, YPredictionTest, YPredictionTrain, w, b, learningRate, numIterations };
}

export const alternative = {
  style: 'reordered',
  fns: ['initializeWithZeros', 'propagate', 'optimize', 'predict', 'model'],
};
