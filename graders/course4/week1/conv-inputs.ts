/**
 * Shapes, indexing and inputs for the week 1 grader ([m, nH, nW, nC] images,
 * [f, f, nCPrev, nC] filters). Nothing here computes an answer; the plain-JS
 * convolution and pooling are in conv.oracle.ts (grader edition only).
 */
import * as fc from 'fast-check';
import { RandomState } from '../../../lib/np-random';
import { nd, sizeOf, type NdArray } from '../../engine/ndarray';

export type ConvHp = { stride: number; pad: number };
export type PoolHp = { f: number; stride: number };
export type Mode = 'max' | 'average';

/** Row-major offset of a 4-D index. */
export function at(shape: readonly number[], i: number, h: number, w: number, c: number): number {
  return ((i * shape[1]! + h) * shape[2]! + w) * shape[3]! + c;
}

/** The output length of a window sweep: ⌊(n + 2p − f)/s⌋ + 1. */
export function outSize(n: number, f: number, stride: number, pad = 0): number {
  return Math.floor((n + 2 * pad - f) / stride) + 1;
}

/** The shape of a convolution's output Z: [m, nH, nW, nC]. */
export function convShape(APrev: NdArray, W: NdArray, { stride, pad }: ConvHp): number[] {
  const f = W.shape[0]!;
  return [APrev.shape[0]!, outSize(APrev.shape[1]!, f, stride, pad), outSize(APrev.shape[2]!, f, stride, pad), W.shape[3]!];
}

/** The flat offsets into APrev of the window of output (i, h, w, c), row-major within the window. */
export function windowOffsets(shape: readonly number[], { f, stride }: PoolHp, i: number, h: number, w: number, c: number): number[] {
  const out: number[] = [];
  for (let p = 0; p < f; p++) for (let q = 0; q < f; q++) out.push(at(shape, i, h * stride + p, w * stride + q, c));
  return out;
}

export function poolShape(APrev: NdArray, { f, stride }: PoolHp): number[] {
  const [m, nH, nW, nC] = APrev.shape as [number, number, number, number];
  return [m, outSize(nH, f, stride), outSize(nW, f, stride), nC];
}

/** Calls `each` for every output position of a pooling layer with the window's offsets into APrev. */
export function forEachWindow(APrev: NdArray, hp: PoolHp, each: (out: number, window: number[]) => void): void {
  const shape = poolShape(APrev, hp);
  for (let i = 0; i < shape[0]!; i++)
    for (let h = 0; h < shape[1]!; h++)
      for (let w = 0; w < shape[2]!; w++) for (let c = 0; c < shape[3]!; c++) each(at(shape, i, h, w, c), windowOffsets(APrev.shape, hp, i, h, w, c));
}

/** Per image and channel, Σ over H and W: an [m, nC] summary. */
export function channelSums(a: NdArray): number[] {
  const [m, nH, nW, nC] = a.shape as [number, number, number, number];
  const out = new Array<number>(m * nC).fill(0);
  for (let i = 0; i < m; i++) for (let h = 0; h < nH; h++) for (let w = 0; w < nW; w++) for (let c = 0; c < nC; c++) out[i * nC + c] += a.data[at(a.shape, i, h, w, c)]!;
  return out;
}

/**
 * Values without ties: a random permutation of {0, 1, …, n − 1}·gap, centred on 0.
 * Any two entries differ by at least `gap`, so a max-pooling window's maximum
 * stays the maximum under perturbations smaller than gap / 2.
 */
export function distinct(seed: number, shape: number[], gap: number): NdArray {
  const n = sizeOf(shape);
  const perm = new RandomState(seed).permutation(n);
  return nd(
    perm.map((k) => (k - (n - 1) / 2) * gap),
    shape,
  );
}

/** A fast-check tensor of distinct values (a shuffled grid, step `gap`). */
export function distinctArb(shape: number[], gap = 0.25): fc.Arbitrary<NdArray> {
  const n = sizeOf(shape);
  return fc
    .shuffledSubarray(
      Array.from({ length: n }, (_, k) => k),
      { minLength: n, maxLength: n },
    )
    .map((perm) =>
      nd(
        perm.map((k) => (k - Math.floor(n / 2)) * gap),
        shape,
      ),
    );
}
