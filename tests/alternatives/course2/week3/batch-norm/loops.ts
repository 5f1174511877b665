/** Course-style: arraySync(), per-unit loops in float64 (two-pass mean and variance), staged backward pass, tf.tensor2d at the end. */
import * as tf from '@tensorflow/tfjs';

export type BatchnormCache = { Z: tf.Tensor2D; Znorm: tf.Tensor2D; mu: tf.Tensor2D; variance: tf.Tensor2D; gamma: tf.Tensor2D; epsilon: number };
export type RunningStats = { mean: tf.Tensor2D; variance: tf.Tensor2D };

type M = number[][];
const arr = (t: tf.Tensor2D): M => t.arraySync() as M;
const col = (v: number[]): tf.Tensor2D => tf.tensor2d(v.map((x) => [x]), [v.length, 1]);

export function batchnormForward(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, epsilon = 1e-5): [tf.Tensor2D, BatchnormCache] {
  const z = arr(Z);
  const g = arr(gamma);
  const b = arr(beta);
  const [n, m] = Z.shape;
  const mu: number[] = [];
  const variance: number[] = [];
  const zn: M = [];
  const out: M = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += z[i]![j]!;
    const mean = s / m;
    let sq = 0;
    for (let j = 0; j < m; j++) sq += (z[i]![j]! - mean) * (z[i]![j]! - mean);
    const v = sq / m;
    mu.push(mean);
    variance.push(v);
    const std = Math.sqrt(v + epsilon);
    zn.push([]);
    out.push([]);
    for (let j = 0; j < m; j++) {
      const x = (z[i]![j]! - mean) / std;
      zn[i]!.push(x);
      out[i]!.push(g[i]![0]! * x + b[i]![0]!);
    }
  }
  const cache: BatchnormCache = { Z, Znorm: tf.tensor2d(zn, [n, m]), mu: col(mu), variance: col(variance), gamma, epsilon };
  return [tf.tensor2d(out, [n, m]), cache];
}

export function batchnormBackward(dout: tf.Tensor2D, cache: BatchnormCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const d = arr(dout);
  const zn = arr(cache.Znorm);
  const g = arr(cache.gamma);
  const v = arr(cache.variance);
  const [n, m] = dout.shape;
  const dZ: M = [];
  const dgamma: number[] = [];
  const dbeta: number[] = [];
  for (let i = 0; i < n; i++) {
    let sumD = 0;
    let sumDZn = 0;
    for (let j = 0; j < m; j++) {
      sumD += d[i]![j]!;
      sumDZn += d[i]![j]! * zn[i]![j]!;
    }
    dbeta.push(sumD);
    dgamma.push(sumDZn);
    // Staged like the computation graph: through Ẑ, then σ², then μ.
    const std = Math.sqrt(v[i]![0]! + cache.epsilon);
    const dxhat = d[i]!.map((x) => x * g[i]![0]!);
    const xmu = zn[i]!.map((x) => x * std); // Z − μ
    let dvar = 0;
    for (let j = 0; j < m; j++) dvar += dxhat[j]! * xmu[j]! * -0.5 * Math.pow(std, -3);
    let dmu = 0;
    let sumXmu = 0;
    for (let j = 0; j < m; j++) {
      dmu += -dxhat[j]! / std;
      sumXmu += xmu[j]!;
    }
    dmu += (dvar * -2 * sumXmu) / m;
    dZ.push(dxhat.map((x, j) => x / std + (dvar * 2 * xmu[j]!) / m + dmu / m));
  }
  return [tf.tensor2d(dZ, [n, m]), col(dgamma), col(dbeta)];
}

export function updateRunningAverages(running: RunningStats, mu: tf.Tensor2D, variance: tf.Tensor2D, momentum = 0.9): RunningStats {
  const rm = arr(running.mean);
  const rv = arr(running.variance);
  const bm = arr(mu);
  const bv = arr(variance);
  const mean: number[] = [];
  const vari: number[] = [];
  for (let i = 0; i < rm.length; i++) {
    mean.push(momentum * rm[i]![0]! + (1 - momentum) * bm[i]![0]!);
    vari.push(momentum * rv[i]![0]! + (1 - momentum) * bv[i]![0]!);
  }
  return { mean: col(mean), variance: col(vari) };
}

export function batchnormInference(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, running: RunningStats, epsilon = 1e-5): tf.Tensor2D {
  const z = arr(Z);
  const g = arr(gamma);
  const b = arr(beta);
  const rm = arr(running.mean);
  const rv = arr(running.variance);
  const out = z.map((row, i) => row.map((x) => (g[i]![0]! * (x - rm[i]![0]!)) / Math.sqrt(rv[i]![0]! + epsilon) + b[i]![0]!));
  return tf.tensor2d(out, Z.shape);
}

export const alternative = { style: 'loops', fns: ['batchnormForward', 'batchnormBackward', 'updateRunningAverages', 'batchnormInference'] };
