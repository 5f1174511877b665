/**
 * Correct alternative (builtin): the cost from tf.losses.sigmoidCrossEntropy on
 * the logits, the gradients from tf.valueAndGrads, optimisation with
 * tf.train.sgd (computeGradients / applyGradients on tf.variables), predictions
 * with tf.round (half to even: 0.5 → 0), accuracy with tf.metrics.binaryAccuracy.
 */
import * as tf from '@tensorflow/tfjs';
import type { Grads, Params } from '../../../../../solutions/course1/week2/logistic-regression';

export function initializeWithZeros(dim: number): Params {
  return { w: tf.fill([dim, 1], 0) as tf.Tensor2D, b: 0 };
}

function costOf(w: tf.Tensor, b: tf.Tensor, X: tf.Tensor2D, Y: tf.Tensor2D): tf.Scalar {
  const logits = tf.add(tf.matMul(w as tf.Tensor2D, X, true, false), b);
  return tf.losses.sigmoidCrossEntropy(Y, logits) as tf.Scalar;
}

export function propagate(w: tf.Tensor2D, b: number, X: tf.Tensor2D, Y: tf.Tensor2D): { grads: Grads; cost: number } {
  return tf.tidy(() => {
    const f = tf.valueAndGrads((wt: tf.Tensor, bt: tf.Tensor) => costOf(wt, bt, X, Y));
    const { value, grads } = f([w, tf.scalar(b)]);
    return { grads: { dw: grads[0] as tf.Tensor2D, db: grads[1]!.dataSync()[0]! }, cost: value.dataSync()[0]! };
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
  const wv = tf.variable(w);
  const bv = tf.variable(tf.scalar(b));
  const sgd = tf.train.sgd(learningRate);
  const costs: number[] = [];
  let lastDw: tf.Tensor2D = tf.zerosLike(w);
  let lastDb = 0;
  for (let i = 0; i < numIterations; i++) {
    const { value, grads } = sgd.computeGradients(() => costOf(wv, bv, X, Y), [wv, bv]);
    const cost = value!.dataSync()[0]!;
    lastDw.dispose();
    lastDw = tf.clone(grads[wv.name]!) as tf.Tensor2D;
    lastDb = grads[bv.name]!.dataSync()[0]!;
    sgd.applyGradients(grads);
    tf.dispose([value!, ...Object.values(grads)]);
    if (i % 100 === 0) {
      costs.push(cost);
      if (printCost) console.log(`Cost after iteration ${i}: ${cost}`);
    }
  }
  const params = { w: tf.clone(wv) as tf.Tensor2D, b: bv.dataSync()[0]! };
  sgd.dispose();
  wv.dispose();
  bv.dispose();
  return { params, grads: { dw: lastDw, db: lastDb }, costs };
}

export function predict(w: tf.Tensor2D, b: number, X: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.round(tf.sigmoid(tf.add(tf.matMul(w, X, true, false), b))) as tf.Tensor2D);
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
  const init = initializeWithZeros(XTrain.shape[0]);
  const trained = optimize(init.w, init.b, XTrain, YTrain, numIterations, learningRate, printCost);
  const { w, b } = trained.params;
  const YPredictionTest = predict(w, b, XTest);
  const YPredictionTrain = predict(w, b, XTrain);
  if (printCost) {
    const pct = (y: tf.Tensor2D, p: tf.Tensor2D) => tf.tidy(() => tf.metrics.binaryAccuracy(y, p).mean().dataSync()[0]! * 100);
    console.log(`train accuracy: ${pct(YTrain, YPredictionTrain)} %`);
    console.log(`test accuracy: ${pct(YTest, YPredictionTest)} %`);
  }
  return { costs: trained.costs, YPredictionTest, YPredictionTrain, w, b, learningRate, numIterations };
}

export const alternative = {
  style: 'builtin',
  fns: ['initializeWithZeros', 'propagate', 'optimize', 'predict', 'model'],
};
