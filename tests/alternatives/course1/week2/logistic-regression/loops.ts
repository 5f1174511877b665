/**
 * Correct alternative (loops): the course's maths with plain JavaScript loops
 * over arraySync() values (float64), tensors built back with tf.tensor2d.
 */
import * as tf from '@tensorflow/tfjs';
import type { Grads, Params } from '../../../../../solutions/course1/week2/logistic-regression';

export function initializeWithZeros(dim: number): Params {
  const w: number[][] = [];
  for (let i = 0; i < dim; i++) w.push([0]);
  return { w: tf.tensor2d(w, [dim, 1]), b: 0 };
}

/** Cost and gradients on plain arrays: w is a list of nX weights, X is nX rows of m values, y is m labels. */
function propagateArrays(w: number[], b: number, X: number[][], y: number[]): { dw: number[]; db: number; cost: number } {
  const nX = w.length;
  const m = y.length;
  const dw = new Array<number>(nX).fill(0);
  let db = 0;
  let cost = 0;
  for (let j = 0; j < m; j++) {
    let z = b;
    for (let i = 0; i < nX; i++) z += w[i]! * X[i]![j]!;
    const a = 1 / (1 + Math.exp(-z));
    cost += y[j]! * Math.log(a) + (1 - y[j]!) * Math.log(1 - a);
    const dz = a - y[j]!;
    for (let i = 0; i < nX; i++) dw[i]! += X[i]![j]! * dz;
    db += dz;
  }
  return { dw: dw.map((v) => v / m), db: db / m, cost: -cost / m };
}

const column = (v: number[]) => tf.tensor2d(v.map((x) => [x]), [v.length, 1]);

export function propagate(w: tf.Tensor2D, b: number, X: tf.Tensor2D, Y: tf.Tensor2D): { grads: Grads; cost: number } {
  const ws = w.arraySync().map((r) => r[0]!);
  const { dw, db, cost } = propagateArrays(ws, b, X.arraySync(), Y.arraySync()[0]!);
  return { grads: { dw: column(dw), db }, cost };
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
  const xs = X.arraySync();
  const ys = Y.arraySync()[0]!;
  let ws = w.arraySync().map((r) => r[0]!);
  let bias = b;
  let last = { dw: new Array<number>(ws.length).fill(0), db: 0, cost: NaN };
  const costs: number[] = [];
  for (let i = 0; i < numIterations; i++) {
    last = propagateArrays(ws, bias, xs, ys);
    const next: number[] = [];
    for (let k = 0; k < ws.length; k++) next.push(ws[k]! - learningRate * last.dw[k]!);
    ws = next;
    bias = bias - learningRate * last.db;
    if (i % 100 === 0) {
      costs.push(last.cost);
      if (printCost) console.log(`Cost after iteration ${i}: ${last.cost}`);
    }
  }
  return { params: { w: column(ws), b: bias }, grads: { dw: column(last.dw), db: last.db }, costs };
}

export function predict(w: tf.Tensor2D, b: number, X: tf.Tensor2D): tf.Tensor2D {
  const ws = w.arraySync();
  const xs = X.arraySync();
  const m = X.shape[1];
  const row: number[] = [];
  for (let j = 0; j < m; j++) {
    let z = b;
    for (let i = 0; i < ws.length; i++) z += ws[i]![0]! * xs[i]![j]!;
    const a = 1 / (1 + Math.exp(-z));
    row.push(a > 0.5 ? 1 : 0);
  }
  return tf.tensor2d([row], [1, m]);
}

function accuracy(p: tf.Tensor2D, Y: tf.Tensor2D): number {
  const a = p.dataSync();
  const y = Y.dataSync();
  let right = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === y[i]) right++;
  return (100 * right) / a.length;
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
  const start = initializeWithZeros(XTrain.shape[0]);
  const result = optimize(start.w, start.b, XTrain, YTrain, numIterations, learningRate, printCost);
  const w = result.params.w;
  const b = result.params.b;
  const YPredictionTrain = predict(w, b, XTrain);
  const YPredictionTest = predict(w, b, XTest);
  if (printCost) {
    console.log(`train accuracy: ${accuracy(YPredictionTrain, YTrain)} %`);
    console.log(`test accuracy: ${accuracy(YPredictionTest, YTest)} %`);
  }
  return { costs: result.costs, YPredictionTest, YPredictionTrain, w, b, learningRate, numIterations };
}

export const alternative = {
  style: 'loops',
  fns: ['initializeWithZeros', 'propagate', 'optimize', 'predict', 'model'],
};
