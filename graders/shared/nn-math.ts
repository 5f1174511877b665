/**
 * Plain-JavaScript building blocks of fully connected networks, for graders'
 * independent checks (the grading process has no TensorFlow.js).
 */
import { map, matmul, nd, type NdArray } from '../engine/ndarray';
import type { Seeded } from '../engine/seeded';

/** Parameters keyed as in the course: W1, b1, …, WL, bL. */
export type Net = Record<string, NdArray>;

export const relu = (a: NdArray): NdArray => map(a, (z) => Math.max(0, z));
export const sigmoid = (a: NdArray): NdArray => map(a, (z) => 1 / (1 + Math.exp(-z)));

/** Z = W·A + b, with the [n, 1] column b broadcast over the m columns. */
export function affine(W: NdArray, A: NdArray, b: NdArray): NdArray {
  const WA = matmul(W, A);
  const m = WA.shape[1]!;
  return nd(
    WA.data.map((v, i) => v + b.data[Math.floor(i / m)]!),
    WA.shape,
  );
}

/** The number of layers of a parameter record (W1, b1, …, WL, bL). */
export function layerCount(params: Net): number {
  let L = 0;
  while (params[`W${L + 1}`]) L++;
  return L;
}

/** Random parameters for a network of the given layer sizes: weights and biases ~ N(0, scale²). */
export function randomNet(s: Seeded, layerDims: number[], scale = 1): Net {
  const p: Net = {};
  for (let l = 1; l < layerDims.length; l++) {
    p[`W${l}`] = s.randn([layerDims[l]!, layerDims[l - 1]!], scale);
    p[`b${l}`] = s.randn([layerDims[l]!, 1], scale);
  }
  return p;
}
