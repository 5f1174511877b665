/**
 * Inputs for the residual-networks grader: block weights ([m, nH, nW, nC]
 * images, channels last) and output sizes. Nothing here computes a block's
 * output; the plain-JS blocks are in resnet.oracle.ts (grader edition only).
 */
import { nd, type NdArray } from '../../engine/ndarray';
import type { Seeded } from '../../engine/seeded';
import type { ValueRecord } from '../../engine/values';

export type Filters = [number, number, number];
export type BlockKind = 'identity' | 'convolutional';

export interface ConvW {
  kernel: NdArray;
  bias: NdArray;
}
export interface BatchNormW {
  gamma: NdArray;
  beta: NdArray;
  movingMean: NdArray;
  movingVariance: NdArray;
}
export interface BlockW {
  conv1: ConvW;
  bn1: BatchNormW;
  conv2: ConvW;
  bn2: BatchNormW;
  conv3: ConvW;
  bn3: BatchNormW;
  shortcutConv?: ConvW;
  shortcutBn?: BatchNormW;
}

/** Output size of a convolution along one axis. */
export function convOut(n: number, f: number, s: number, padding: 'same' | 'valid'): number {
  return padding === 'same' ? Math.ceil(n / s) : Math.floor((n - f) / s) + 1;
}

function convWeights(r: Seeded, f: number, cIn: number, cOut: number): ConvW {
  return { kernel: r.randn([f, f, cIn, cOut], 1 / Math.sqrt(f * f * cIn)), bias: r.randn([cOut], 0.1) };
}

function batchNormWeights(r: Seeded, c: number): BatchNormW {
  return { gamma: r.uniform([c], 0.5, 1.5), beta: r.randn([c], 0.2), movingMean: r.randn([c], 0.2), movingVariance: r.uniform([c], 0.5, 1.5) };
}

/** Random weights for a block on nC input channels; the shortcut's only for the convolutional block. */
export function randomBlockWeights(r: Seeded, nC: number, f: number, [F1, F2, F3]: Filters, kind: BlockKind): BlockW {
  const w: BlockW = {
    conv1: convWeights(r, 1, nC, F1),
    bn1: batchNormWeights(r, F1),
    conv2: convWeights(r, f, F1, F2),
    bn2: batchNormWeights(r, F2),
    conv3: convWeights(r, 1, F2, F3),
    bn3: batchNormWeights(r, F3),
  };
  if (kind === 'convolutional') {
    w.shortcutConv = convWeights(r, 1, nC, F3);
    w.shortcutBn = batchNormWeights(r, F3);
  }
  return w;
}

/** The same weights with the main path's last batch norm zeroed (gamma = beta = 0): the main path outputs 0. */
export function withMainPathZeroed(w: BlockW): BlockW {
  const c = w.bn3.gamma.data.length;
  const zero = nd(new Array<number>(c).fill(0), [c]);
  // The main path's moving means made positive too: a batch norm given its moving statistics in the wrong order then
  // divides by a positive number, and the zeroed main path stays 0 (a NaN from a negative "variance" would survive the
  // zeroing and fail the check with a hint about the shortcut, which is right).
  const positiveMean = (bn: BlockW['bn1']) => ({ ...bn, movingMean: nd(bn.movingMean.data.map(Math.abs), [...bn.movingMean.shape]) });
  return { ...w, bn1: positiveMean(w.bn1), bn2: positiveMean(w.bn2), bn3: { ...positiveMean(w.bn3), gamma: zero, beta: zero } };
}

export const asValue = (w: BlockW): ValueRecord => w as unknown as ValueRecord;

