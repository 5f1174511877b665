/**
 * Correct alternative (loops): every formula as plain JavaScript loops over
 * arraySync() values (float64); tensors built back with tf.tensor2d.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Cache, Gradients, Parameters } from '../../../../../solutions/course1/week3/planar-classification';

type M = number[][];

const matmul = (A: M, B: M): M => {
  const n = A.length;
  const k = B.length;
  const p = B[0]!.length;
  const C: M = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(p).fill(0);
    for (let t = 0; t < k; t++) {
      const a = A[i]![t]!;
      for (let j = 0; j < p; j++) row[j]! += a * B[t]![j]!;
    }
    C.push(row);
  }
  return C;
};
const transpose = (A: M): M => A[0]!.map((_, j) => A.map((r) => r[j]!));
const apply = (A: M, f: (v: number, i: number, j: number) => number): M => A.map((r, i) => r.map((v, j) => f(v, i, j)));
const toTensor = (A: M) => tf.tensor2d(A, [A.length, A[0]!.length]);

export function layerSizes(X: tf.Tensor2D, Y: tf.Tensor2D): { nX: number; nH: number; nY: number } {
  const nX = X.arraySync().length;
  const nY = Y.arraySync().length;
  return { nX, nH: 4, nY };
}

export function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  np.random.seed(2);
  const w1 = np.random.randn(nH, nX);
  const w2 = np.random.randn(nY, nH);
  const W1: M = [];
  for (let i = 0; i < nH; i++) {
    const row: number[] = [];
    for (let j = 0; j < nX; j++) row.push(w1[i * nX + j]! * 0.01);
    W1.push(row);
  }
  const W2: M = [];
  for (let i = 0; i < nY; i++) {
    const row: number[] = [];
    for (let j = 0; j < nH; j++) row.push(w2[i * nH + j]! * 0.01);
    W2.push(row);
  }
  const zeros = (n: number): M => Array.from({ length: n }, () => [0]);
  return { W1: toTensor(W1), b1: toTensor(zeros(nH)), W2: toTensor(W2), b2: toTensor(zeros(nY)) };
}

export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, Cache] {
  const x = X.arraySync();
  const W1 = parameters.W1.arraySync();
  const b1 = parameters.b1.arraySync();
  const W2 = parameters.W2.arraySync();
  const b2 = parameters.b2.arraySync();
  const Z1 = apply(matmul(W1, x), (v, i) => v + b1[i]![0]!);
  const A1 = apply(Z1, Math.tanh);
  const Z2 = apply(matmul(W2, A1), (v, i) => v + b2[i]![0]!);
  const A2 = apply(Z2, (v) => 1 / (1 + Math.exp(-v)));
  const a2 = toTensor(A2);
  return [a2, { Z1: toTensor(Z1), A1: toTensor(A1), Z2: toTensor(Z2), A2: a2 }];
}

export function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): number {
  const a = A2.arraySync()[0]!;
  const y = Y.arraySync()[0]!;
  let total = 0;
  for (let j = 0; j < a.length; j++) total += y[j]! * Math.log(a[j]!) + (1 - y[j]!) * Math.log(1 - a[j]!);
  return -total / a.length;
}

export function backwardPropagation(parameters: Parameters, cache: Cache, X: tf.Tensor2D, Y: tf.Tensor2D): Gradients {
  const x = X.arraySync();
  const y = Y.arraySync();
  const m = x[0]!.length;
  const W2 = parameters.W2.arraySync();
  const A1 = cache.A1.arraySync();
  const A2 = cache.A2.arraySync();
  const dZ2 = apply(A2, (v, i, j) => v - y[i]![j]!);
  const dW2 = apply(matmul(dZ2, transpose(A1)), (v) => v / m);
  const db2 = dZ2.map((r) => [r.reduce((s, v) => s + v, 0) / m]);
  const back = matmul(transpose(W2), dZ2);
  const dZ1 = apply(back, (v, i, j) => v * (1 - A1[i]![j]! * A1[i]![j]!));
  const dW1 = apply(matmul(dZ1, transpose(x)), (v) => v / m);
  const db1 = dZ1.map((r) => [r.reduce((s, v) => s + v, 0) / m]);
  return { dW1: toTensor(dW1), db1: toTensor(db1), dW2: toTensor(dW2), db2: toTensor(db2) };
}

export function updateParameters(parameters: Parameters, grads: Gradients, learningRate = 1.2): Parameters {
  const step = (p: tf.Tensor2D, g: tf.Tensor2D) => {
    const gs = g.arraySync();
    return toTensor(apply(p.arraySync(), (v, i, j) => v - learningRate * gs[i]![j]!));
  };
  return {
    W1: step(parameters.W1, grads.dW1),
    b1: step(parameters.b1, grads.db1),
    W2: step(parameters.W2, grads.dW2),
    b2: step(parameters.b2, grads.db2),
  };
}

export function nnModel(X: tf.Tensor2D, Y: tf.Tensor2D, nH: number, numIterations = 10000, printCost = false): Parameters {
  np.random.seed(3);
  const sizes = layerSizes(X, Y);
  let parameters = initializeParameters(sizes.nX, nH, sizes.nY);
  for (let i = 0; i < numIterations; i++) {
    const [A2, cache] = forwardPropagation(X, parameters);
    if (printCost && i % 1000 === 0) console.log(`Cost after iteration ${i}: ${computeCost(A2, Y)}`);
    const grads = backwardPropagation(parameters, cache, X, Y);
    const next = updateParameters(parameters, grads);
    tf.dispose([...Object.values(cache), ...Object.values(grads), ...Object.values(parameters)]);
    parameters = next;
  }
  return parameters;
}

export function predict(parameters: Parameters, X: tf.Tensor2D): tf.Tensor2D {
  const [A2, cache] = forwardPropagation(X, parameters);
  const out = A2.arraySync().map((r) => r.map((a) => (a > 0.5 ? 1 : 0)));
  tf.dispose(Object.values(cache));
  return toTensor(out);
}

export const alternative = {
  style: 'loops',
  fns: ['layerSizes', 'initializeParameters', 'forwardPropagation', 'computeCost', 'backwardPropagation', 'updateParameters', 'nnModel', 'predict'],
};
