/** Correct alternative, course style: arraySync() and float64 loops; the costs returned with tf.scalar. */
import * as tf from '@tensorflow/tfjs';
import { STYLE_LAYERS, type StyleLayer } from '../../../../../exercises/course4/week4/style-transfer';

export function computeContentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  const [, nH, nW, nC] = aG.shape;
  const c = aC.arraySync()[0]!;
  const g = aG.arraySync()[0]!;
  let s = 0;
  for (let h = 0; h < nH; h++) for (let w = 0; w < nW; w++) for (let k = 0; k < nC; k++) s += (c[h]![w]![k]! - g[h]![w]![k]!) ** 2;
  return tf.scalar(s / (4 * nH * nW * nC));
}

function gram(A: number[][]): number[][] {
  const n = A.length;
  const G: number[][] = [];
  for (let i = 0; i < n; i++) {
    G.push([]);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < A[i]!.length; p++) s += A[i]![p]! * A[j]![p]!;
      G[i]!.push(s);
    }
  }
  return G;
}

export function gramMatrix(A: tf.Tensor2D): tf.Tensor2D {
  const n = A.shape[0];
  return tf.tensor2d(gram(A.arraySync()), [n, n]);
}

/** [1, nH, nW, nC] → [nC, nH·nW]: row c lists channel c at every position. */
function unroll(a: tf.Tensor4D): number[][] {
  const [, nH, nW, nC] = a.shape;
  const x = a.arraySync()[0]!;
  const U: number[][] = [];
  for (let k = 0; k < nC; k++) {
    const row: number[] = [];
    for (let h = 0; h < nH; h++) for (let w = 0; w < nW; w++) row.push(x[h]![w]![k]!);
    U.push(row);
  }
  return U;
}

function layerStyle(aS: tf.Tensor4D, aG: tf.Tensor4D): number {
  const [, nH, nW, nC] = aG.shape;
  const GS = gram(unroll(aS));
  const GG = gram(unroll(aG));
  let s = 0;
  for (let i = 0; i < nC; i++) for (let j = 0; j < nC; j++) s += (GS[i]![j]! - GG[i]![j]!) ** 2;
  return s / (4 * nC * nC * (nH * nW) * (nH * nW));
}

export function computeLayerStyleCost(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.scalar(layerStyle(aS, aG));
}

export function computeStyleCost(styleOutputs: tf.Tensor4D[], generatedOutputs: tf.Tensor4D[], styleLayers: StyleLayer[] = STYLE_LAYERS): tf.Scalar {
  let J = 0;
  for (let l = 0; l < styleLayers.length; l++) J += styleLayers[l]![1] * layerStyle(styleOutputs[l]!, generatedOutputs[l]!);
  return tf.scalar(J);
}

export function totalCost(Jcontent: number, Jstyle: number, alpha = 10, beta = 40): number {
  let J = 0;
  J += alpha * Jcontent;
  J += beta * Jstyle;
  return J;
}

export const alternative = { style: 'loops', fns: ['computeContentCost', 'gramMatrix', 'computeLayerStyleCost', 'computeStyleCost', 'totalCost'] };
