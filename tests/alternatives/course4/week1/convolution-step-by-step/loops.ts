/** Correct alternative, course style: arraySync() into nested arrays, float64 loops, tf.tensor at the end. */
import * as tf from '@tensorflow/tfjs';
import type { ConvCache, ConvHparameters, PoolCache, PoolHparameters, PoolMode } from '../../../../../exercises/course4/week1/convolution-step-by-step';

type N4 = number[][][][];

function zeros4(a: number, b: number, c: number, d: number): N4 {
  const out: N4 = [];
  for (let i = 0; i < a; i++) {
    const x: number[][][] = [];
    for (let j = 0; j < b; j++) {
      const y: number[][] = [];
      for (let k = 0; k < c; k++) y.push(new Array<number>(d).fill(0));
      x.push(y);
    }
    out.push(x);
  }
  return out;
}

function padArray(x: N4, pad: number): N4 {
  const m = x.length;
  const nH = x[0]!.length;
  const nW = x[0]![0]!.length;
  const nC = x[0]![0]![0]!.length;
  const out = zeros4(m, nH + 2 * pad, nW + 2 * pad, nC);
  for (let i = 0; i < m; i++)
    for (let h = 0; h < nH; h++) for (let w = 0; w < nW; w++) for (let c = 0; c < nC; c++) out[i]![h + pad]![w + pad]![c] = x[i]![h]![w]![c]!;
  return out;
}

export function zeroPad(X: tf.Tensor4D, pad: number): tf.Tensor4D {
  const [m, nH, nW, nC] = X.shape;
  return tf.tensor4d(padArray(X.arraySync(), pad), [m, nH + 2 * pad, nW + 2 * pad, nC]);
}

export function convSingleStep(aSlicePrev: tf.Tensor3D, W: tf.Tensor3D, b: tf.Tensor3D): number {
  const a = aSlicePrev.dataSync();
  const w = W.dataSync();
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * w[k]!;
  return s + b.dataSync()[0]!;
}

export function convForward(APrev: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor4D, hparameters: ConvHparameters): [tf.Tensor4D, ConvCache] {
  const { stride, pad } = hparameters;
  const [m, nHPrev, nWPrev, nCPrev] = APrev.shape;
  const [f, , , nC] = W.shape;
  const a = padArray(APrev.arraySync(), pad);
  const w = W.arraySync();
  const bias = b.arraySync()[0]![0]![0]!;
  const nH = Math.floor((nHPrev + 2 * pad - f) / stride) + 1;
  const nW = Math.floor((nWPrev + 2 * pad - f) / stride) + 1;
  const Z = zeros4(m, nH, nW, nC);
  for (let i = 0; i < m; i++)
    for (let h = 0; h < nH; h++)
      for (let x = 0; x < nW; x++)
        for (let c = 0; c < nC; c++) {
          let s = 0;
          for (let p = 0; p < f; p++) for (let q = 0; q < f; q++) for (let k = 0; k < nCPrev; k++) s += a[i]![h * stride + p]![x * stride + q]![k]! * w[p]![q]![k]![c]!;
          Z[i]![h]![x]![c] = s + bias[c]!;
        }
  return [tf.tensor4d(Z, [m, nH, nW, nC]), [APrev, W, b, hparameters]];
}

export function poolForward(APrev: tf.Tensor4D, hparameters: PoolHparameters, mode: PoolMode = 'max'): [tf.Tensor4D, PoolCache] {
  const { f, stride } = hparameters;
  const [m, nHPrev, nWPrev, nC] = APrev.shape;
  const a = APrev.arraySync();
  const nH = Math.floor((nHPrev - f) / stride) + 1;
  const nW = Math.floor((nWPrev - f) / stride) + 1;
  const A = zeros4(m, nH, nW, nC);
  for (let i = 0; i < m; i++)
    for (let h = 0; h < nH; h++)
      for (let x = 0; x < nW; x++)
        for (let c = 0; c < nC; c++) {
          let best = -Infinity;
          let sum = 0;
          for (let p = 0; p < f; p++)
            for (let q = 0; q < f; q++) {
              const v = a[i]![h * stride + p]![x * stride + q]![c]!;
              if (v > best) best = v;
              sum += v;
            }
          A[i]![h]![x]![c] = mode === 'max' ? best : sum / (f * f);
        }
  return [tf.tensor4d(A, [m, nH, nW, nC]), [APrev, hparameters]];
}

export function convBackward(dZ: tf.Tensor4D, cache: ConvCache): [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D] {
  const [APrev, W, , { stride, pad }] = cache;
  const [m, nHPrev, nWPrev, nCPrev] = APrev.shape;
  const [f, , , nC] = W.shape;
  const [, nH, nW] = dZ.shape;
  const a = padArray(APrev.arraySync(), pad);
  const w = W.arraySync();
  const dz = dZ.arraySync();
  const dAPad = zeros4(m, nHPrev + 2 * pad, nWPrev + 2 * pad, nCPrev);
  const dW = zeros4(f, f, nCPrev, nC);
  const db = new Array<number>(nC).fill(0);
  for (let i = 0; i < m; i++)
    for (let h = 0; h < nH; h++)
      for (let x = 0; x < nW; x++)
        for (let c = 0; c < nC; c++) {
          const g = dz[i]![h]![x]![c]!;
          for (let p = 0; p < f; p++)
            for (let q = 0; q < f; q++)
              for (let k = 0; k < nCPrev; k++) {
                dAPad[i]![h * stride + p]![x * stride + q]![k] += w[p]![q]![k]![c]! * g;
                dW[p]![q]![k]![c] += a[i]![h * stride + p]![x * stride + q]![k]! * g;
              }
          db[c] += g;
        }
  const dA = zeros4(m, nHPrev, nWPrev, nCPrev);
  for (let i = 0; i < m; i++)
    for (let h = 0; h < nHPrev; h++) for (let x = 0; x < nWPrev; x++) for (let k = 0; k < nCPrev; k++) dA[i]![h]![x]![k] = dAPad[i]![h + pad]![x + pad]![k]!;
  return [tf.tensor4d(dA, [m, nHPrev, nWPrev, nCPrev]), tf.tensor4d(dW, [f, f, nCPrev, nC]), tf.tensor4d(db, [1, 1, 1, nC])];
}

export function createMaskFromWindow(x: tf.Tensor2D): tf.Tensor2D {
  const v = x.arraySync();
  let [bi, bj] = [0, 0];
  for (let i = 0; i < v.length; i++) for (let j = 0; j < v[i]!.length; j++) if (v[i]![j]! > v[bi]![bj]!) [bi, bj] = [i, j];
  const mask = v.map((row, i) => row.map((_, j) => (i === bi && j === bj ? 1 : 0)));
  return tf.tensor2d(mask, x.shape, 'float32');
}

export function distributeValue(dz: number, shape: [number, number]): tf.Tensor2D {
  const [nH, nW] = shape;
  const average = dz / (nH * nW);
  const rows: number[][] = [];
  for (let h = 0; h < nH; h++) {
    const row: number[] = [];
    for (let w = 0; w < nW; w++) row.push(average);
    rows.push(row);
  }
  return tf.tensor2d(rows, [nH, nW]);
}

export function poolBackward(dA: tf.Tensor4D, cache: PoolCache, mode: PoolMode = 'max'): tf.Tensor4D {
  const [APrev, { f, stride }] = cache;
  const [m, nHPrev, nWPrev, nC] = APrev.shape;
  const [, nH, nW] = dA.shape;
  const a = APrev.arraySync();
  const da = dA.arraySync();
  const out = zeros4(m, nHPrev, nWPrev, nC);
  for (let i = 0; i < m; i++)
    for (let h = 0; h < nH; h++)
      for (let x = 0; x < nW; x++)
        for (let c = 0; c < nC; c++) {
          const g = da[i]![h]![x]![c]!;
          const [r0, c0] = [h * stride, x * stride];
          if (mode === 'average') {
            for (let p = 0; p < f; p++) for (let q = 0; q < f; q++) out[i]![r0 + p]![c0 + q]![c] += g / (f * f);
          } else {
            let [bp, bq] = [0, 0];
            for (let p = 0; p < f; p++) for (let q = 0; q < f; q++) if (a[i]![r0 + p]![c0 + q]![c]! > a[i]![r0 + bp]![c0 + bq]![c]!) [bp, bq] = [p, q];
            out[i]![r0 + bp]![c0 + bq]![c] += g;
          }
        }
  return tf.tensor4d(out, [m, nHPrev, nWPrev, nC]);
}

export const alternative = {
  style: 'loops',
  fns: ['zeroPad', 'convSingleStep', 'convForward', 'poolForward', 'convBackward', 'createMaskFromWindow', 'distributeValue', 'poolBackward'],
};
