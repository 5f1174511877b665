/**
 * Correct alternative (loops): each layer computed with plain JavaScript loops
 * over arraySync() values (float64), tensors built back with tf.tensor2d.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Activation, Gradients, LayerCache, LinearCache, Parameters } from '../../../../../solutions/course1/week4/deep-network-step-by-step';

type M = number[][];

function matmul(A: M, B: M): M {
  const C: M = [];
  for (let i = 0; i < A.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < B[0]!.length; j++) {
      let s = 0;
      for (let k = 0; k < B.length; k++) s += A[i]![k]! * B[k]![j]!;
      row.push(s);
    }
    C.push(row);
  }
  return C;
}
const transpose = (A: M): M => A[0]!.map((_, j) => A.map((r) => r[j]!));
const toTensor = (A: M) => tf.tensor2d(A, [A.length, A[0]!.length]);
const sigma = (z: number) => 1 / (1 + Math.exp(-z));

export function initializeParametersDeep(layerDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layerDims.length; l++) {
    const rows = layerDims[l]!;
    const cols = layerDims[l - 1]!;
    const flat = np.random.randn(rows, cols);
    const W: M = [];
    const b: M = [];
    for (let i = 0; i < rows; i++) {
      const row: number[] = [];
      for (let j = 0; j < cols; j++) row.push(flat[i * cols + j]! * 0.01);
      W.push(row);
      b.push([0]);
    }
    parameters[`W${l}`] = toTensor(W);
    parameters[`b${l}`] = toTensor(b);
  }
  return parameters;
}

export function linearForward(A: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D): [tf.Tensor2D, LinearCache] {
  const bias = b.arraySync();
  const Z = matmul(W.arraySync(), A.arraySync()).map((row, i) => row.map((v) => v + bias[i]![0]!));
  return [toTensor(Z), [A, W, b]];
}

export function linearActivationForward(APrev: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D, activation: Activation): [tf.Tensor2D, LayerCache] {
  const [Z, linearCache] = linearForward(APrev, W, b);
  const z = Z.arraySync();
  const A = z.map((row) => row.map((v) => (activation === 'relu' ? (v > 0 ? v : 0) : sigma(v))));
  return [toTensor(A), [linearCache, Z]];
}

export function lModelForward(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, LayerCache[]] {
  let L = 0;
  while (parameters[`W${L + 1}`] !== undefined) L++;
  const caches: LayerCache[] = [];
  let A = X;
  for (let l = 1; l <= L; l++) {
    const [next, cache] = linearActivationForward(A, parameters[`W${l}`]!, parameters[`b${l}`]!, l === L ? 'sigmoid' : 'relu');
    caches.push(cache);
    A = next;
  }
  return [A, caches];
}

export function computeCost(AL: tf.Tensor2D, Y: tf.Tensor2D): number {
  const a = AL.dataSync();
  const y = Y.dataSync();
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum -= y[i]! * Math.log(a[i]!) + (1 - y[i]!) * Math.log(1 - a[i]!);
  return sum / a.length;
}

export function linearBackward(dZ: tf.Tensor2D, cache: LinearCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const [APrev, W] = cache;
  const dz = dZ.arraySync();
  const a = APrev.arraySync();
  const m = a[0]!.length;
  const dW = matmul(dz, transpose(a)).map((row) => row.map((v) => v / m));
  const db = dz.map((row) => {
    let s = 0;
    for (const v of row) s += v;
    return [s / m];
  });
  const dAPrev = matmul(transpose(W.arraySync()), dz);
  return [toTensor(dAPrev), toTensor(dW), toTensor(db)];
}

export function linearActivationBackward(dA: tf.Tensor2D, cache: LayerCache, activation: Activation): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const [linearCache, Z] = cache;
  const z = Z.arraySync();
  const da = dA.arraySync();
  const dZ = z.map((row, i) =>
    row.map((v, j) => {
      if (activation === 'relu') return v > 0 ? da[i]![j]! : 0;
      const s = sigma(v);
      return da[i]![j]! * s * (1 - s);
    }),
  );
  return linearBackward(toTensor(dZ), linearCache);
}

export function lModelBackward(AL: tf.Tensor2D, Y: tf.Tensor2D, caches: LayerCache[]): Gradients {
  const L = caches.length;
  const a = AL.dataSync();
  const y = Y.dataSync();
  const dal: number[] = [];
  for (let j = 0; j < a.length; j++) dal.push(-(y[j]! / a[j]! - (1 - y[j]!) / (1 - a[j]!)));
  const grads: Gradients = {};
  let dA = tf.tensor2d(dal, AL.shape);
  for (let l = L; l >= 1; l--) {
    const [dAPrev, dW, db] = linearActivationBackward(dA, caches[l - 1]!, l === L ? 'sigmoid' : 'relu');
    grads[`dA${l - 1}`] = dAPrev;
    grads[`dW${l}`] = dW;
    grads[`db${l}`] = db;
    dA = dAPrev;
  }
  return grads;
}

export function updateParameters(params: Parameters, grads: Gradients, learningRate: number): Parameters {
  const out: Parameters = {};
  for (let l = 1; params[`W${l}`] !== undefined; l++) {
    for (const p of ['W', 'b']) {
      const value = params[`${p}${l}`]!.arraySync();
      const g = grads[`d${p}${l}`]!.arraySync();
      out[`${p}${l}`] = toTensor(value.map((row, i) => row.map((v, j) => v - learningRate * g[i]![j]!)));
    }
  }
  return out;
}

export const alternative = {
  style: 'loops',
  fns: [
    'initializeParametersDeep',
    'linearForward',
    'linearActivationForward',
    'lModelForward',
    'computeCost',
    'linearBackward',
    'linearActivationBackward',
    'lModelBackward',
    'updateParameters',
  ],
};
