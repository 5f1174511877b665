/**
 * Plain-JavaScript building blocks of fully connected networks, for graders'
 * independent checks (the grading process has no TensorFlow.js). An answer key:
 * only the grader edition has it, so only hidden checks and fixture builders
 * may use it, through a lazy `import()`.
 */
import { map, matmul, nd, type NdArray } from '../engine/ndarray';

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
