/** Course-style: arraySync() everything, plain JavaScript loops in float64, tf.tensor2d at the end. */
import * as tf from '@tensorflow/tfjs';
import { computeCost, type Cache, type Gradients, type ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';
import { np } from '../../../../../lib/np-random';

export type { Cache, Gradients, ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';
export type DropoutCache = [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];

type M = number[][];
const arr = (t: tf.Tensor2D): M => t.arraySync() as M;
const T = (a: M): tf.Tensor2D => tf.tensor2d(a, [a.length, a[0]!.length]);

function dot(A: M, B: M): M {
  const out: M = [];
  for (let i = 0; i < A.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < B[0]!.length; j++) {
      let s = 0;
      for (let k = 0; k < B.length; k++) s += A[i]![k]! * B[k]![j]!;
      row.push(s);
    }
    out.push(row);
  }
  return out;
}
function transpose(A: M): M {
  const out: M = [];
  for (let j = 0; j < A[0]!.length; j++) {
    const row: number[] = [];
    for (let i = 0; i < A.length; i++) row.push(A[i]![j]!);
    out.push(row);
  }
  return out;
}
function rowSums(A: M, scale: number): M {
  return A.map((row) => {
    let s = 0;
    for (const v of row) s += v;
    return [s * scale];
  });
}
function elementwise(A: M, B: M, f: (a: number, b: number) => number): M {
  return A.map((row, i) => row.map((v, j) => f(v, B[i]![j]!)));
}
function affine(W: M, A: M, b: M): M {
  return dot(W, A).map((row, i) => row.map((v) => v + b[i]![0]!));
}

export function computeCostWithRegularization(A3: tf.Tensor2D, Y: tf.Tensor2D, parameters: ThreeLayerParameters, lambd: number): number {
  const m = Y.shape[1];
  let squares = 0;
  for (const W of [parameters.W1, parameters.W2, parameters.W3]) {
    for (const row of arr(W)) for (const w of row) squares += w * w;
  }
  return computeCost(A3, Y) + (lambd * squares) / (2 * m);
}

function backwardCore(X: M, Y: M, A1: M, A2: M, A3: M, W2: M, W3: M, masks: { D1: M; D2: M; keepProb: number } | null) {
  const m = X[0]!.length;
  const dZ3 = elementwise(A3, Y, (a, y) => a - y);
  const dW3 = dot(dZ3, transpose(A2)).map((r) => r.map((v) => v / m));
  const db3 = rowSums(dZ3, 1 / m);
  let dA2 = dot(transpose(W3), dZ3);
  if (masks) dA2 = elementwise(dA2, masks.D2, (v, d) => (v * d) / masks.keepProb);
  const dZ2 = elementwise(dA2, A2, (v, a) => (a > 0 ? v : 0));
  const dW2 = dot(dZ2, transpose(A1)).map((r) => r.map((v) => v / m));
  const db2 = rowSums(dZ2, 1 / m);
  let dA1 = dot(transpose(W2), dZ2);
  if (masks) dA1 = elementwise(dA1, masks.D1, (v, d) => (v * d) / masks.keepProb);
  const dZ1 = elementwise(dA1, A1, (v, a) => (a > 0 ? v : 0));
  const dW1 = dot(dZ1, transpose(X)).map((r) => r.map((v) => v / m));
  const db1 = rowSums(dZ1, 1 / m);
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

function toTensors(g: Record<string, M>): Gradients {
  const out: Record<string, tf.Tensor2D> = {};
  for (const [k, v] of Object.entries(g)) out[k] = T(v);
  return out as Gradients;
}

export function backwardPropagationWithRegularization(X: tf.Tensor2D, Y: tf.Tensor2D, cache: Cache, lambd: number): Gradients {
  const [, A1, W1, , , A2, W2, , , A3, W3] = cache;
  const w1 = arr(W1), w2 = arr(W2), w3 = arr(W3);
  const m = X.shape[1];
  const g = backwardCore(arr(X), arr(Y), arr(A1), arr(A2), arr(A3), w2, w3, null);
  g.dW3 = elementwise(g.dW3, w3, (d, w) => d + (lambd / m) * w);
  g.dW2 = elementwise(g.dW2, w2, (d, w) => d + (lambd / m) * w);
  g.dW1 = elementwise(g.dW1, w1, (d, w) => d + (lambd / m) * w);
  return toTensors(g);
}

export function forwardPropagationWithDropout(X: tf.Tensor2D, parameters: ThreeLayerParameters, keepProb = 0.5): [tf.Tensor2D, DropoutCache] {
  np.random.seed(1);
  const x = arr(X);
  const m = x[0]!.length;
  const W1 = arr(parameters.W1), b1 = arr(parameters.b1), W2 = arr(parameters.W2), b2 = arr(parameters.b2), W3 = arr(parameters.W3), b3 = arr(parameters.b3);
  const mask = (rows: number): M => {
    const u = np.random.rand(rows, m);
    const D: M = [];
    for (let i = 0; i < rows; i++) {
      const row: number[] = [];
      for (let j = 0; j < m; j++) row.push(u[i * m + j]! < keepProb ? 1 : 0);
      D.push(row);
    }
    return D;
  };
  const Z1 = affine(W1, x, b1);
  const D1 = mask(Z1.length);
  const A1 = elementwise(Z1, D1, (z, d) => (Math.max(z, 0) * d) / keepProb);
  const Z2 = affine(W2, A1, b2);
  const D2 = mask(Z2.length);
  const A2 = elementwise(Z2, D2, (z, d) => (Math.max(z, 0) * d) / keepProb);
  const Z3 = affine(W3, A2, b3);
  const A3 = Z3.map((r) => r.map((z) => 1 / (1 + Math.exp(-z))));
  const A3t = T(A3);
  const cache: DropoutCache = [T(Z1), T(D1), T(A1), parameters.W1, parameters.b1, T(Z2), T(D2), T(A2), parameters.W2, parameters.b2, T(Z3), A3t, parameters.W3, parameters.b3];
  return [A3t, cache];
}

export function backwardPropagationWithDropout(X: tf.Tensor2D, Y: tf.Tensor2D, cache: DropoutCache, keepProb: number): Gradients {
  const [, D1, A1, , , , D2, A2, W2, , , A3, W3] = cache;
  return toTensors(backwardCore(arr(X), arr(Y), arr(A1), arr(A2), arr(A3), arr(W2), arr(W3), { D1: arr(D1), D2: arr(D2), keepProb }));
}

export const alternative = {
  style: 'loops',
  fns: ['computeCostWithRegularization', 'backwardPropagationWithRegularization', 'forwardPropagationWithDropout', 'backwardPropagationWithDropout'],
};
