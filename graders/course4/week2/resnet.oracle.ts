/**
 * Plain-JS residual blocks on NdArrays ([m, nH, nW, nC], channels last): what the
 * properties of the residual-networks grader compare the learner's blocks with.
 * Conventions are TensorFlow's: 'same' padding puts the odd pixel at the end,
 * batch norm has ε = 0.001 and, in training mode, normalises with the batch's
 * (biased) variance. An answer key: grader edition only, loaded lazily by
 * hidden checks.
 */
import { nd, type NdArray } from '../../engine/ndarray';
import { convOut, type BatchNormW, type BlockKind, type BlockW, type ConvW, type Filters } from './resnet-inputs';

export const BN_EPSILON = 1e-3;

/** NHWC convolution with a [f, f, nC, nCout] kernel and a [nCout] bias, TensorFlow's padding. */
export function conv2d(X: NdArray, { kernel, bias }: ConvW, s: number, padding: 'same' | 'valid'): NdArray {
  const [m, H, W, C] = X.shape as [number, number, number, number];
  const [f, , , Co] = kernel.shape as [number, number, number, number];
  const Ho = convOut(H, f, s, padding);
  const Wo = convOut(W, f, s, padding);
  const padTop = padding === 'same' ? Math.floor(Math.max((Ho - 1) * s + f - H, 0) / 2) : 0;
  const padLeft = padding === 'same' ? Math.floor(Math.max((Wo - 1) * s + f - W, 0) / 2) : 0;
  const out = new Array<number>(m * Ho * Wo * Co).fill(0);
  for (let i = 0; i < m; i++)
    for (let h = 0; h < Ho; h++)
      for (let w = 0; w < Wo; w++)
        for (let o = 0; o < Co; o++) {
          let z = bias.data[o]!;
          for (let a = 0; a < f; a++) {
            const y = h * s + a - padTop;
            if (y < 0 || y >= H) continue;
            for (let b = 0; b < f; b++) {
              const x = w * s + b - padLeft;
              if (x < 0 || x >= W) continue;
              for (let c = 0; c < C; c++) z += X.data[((i * H + y) * W + x) * C + c]! * kernel.data[((a * f + b) * C + c) * Co + o]!;
            }
          }
          out[((i * Ho + h) * Wo + w) * Co + o] = z;
        }
  return nd(out, [m, Ho, Wo, Co]);
}

/**
 * Batch norm over the last axis: the moving statistics in inference, the batch's in training. `unbiased` divides the
 * batch's squared deviations by n − 1 instead of n (a known mistake, for diagnoses).
 */
export function batchNorm(X: NdArray, w: BatchNormW, training: boolean, unbiased = false): NdArray {
  const C = X.shape[X.shape.length - 1]!;
  const n = X.data.length / C;
  let mean = w.movingMean.data;
  let variance = w.movingVariance.data;
  if (training) {
    mean = Array.from({ length: C }, (_, c) => {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += X.data[k * C + c]!;
      return sum / n;
    });
    variance = Array.from({ length: C }, (_, c) => {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += (X.data[k * C + c]! - mean[c]!) ** 2;
      return sum / (unbiased && n > 1 ? n - 1 : n);
    });
  }
  return nd(
    X.data.map((v, k) => {
      const c = k % C;
      return (w.gamma.data[c]! * (v - mean[c]!)) / Math.sqrt(variance[c]! + BN_EPSILON) + w.beta.data[c]!;
    }),
    X.shape,
  );
}

export const relu = (a: NdArray): NdArray => nd(a.data.map((v) => Math.max(0, v)), a.shape);
export const add = (a: NdArray, b: NdArray): NdArray => nd(a.data.map((v, i) => v + b.data[i]!), a.shape);

/**
 * The main path: conv1 (1×1, stride s) → bn → relu → conv2 (f×f, same) → bn → relu → conv3 (1×1) → bn.
 * `strideOnMiddle` moves the stride to conv2 (a known mistake, for diagnoses).
 */
export function mainPath(X: NdArray, w: BlockW, s: number, training: boolean, strideOnMiddle = false, unbiased = false): NdArray {
  let a = relu(batchNorm(conv2d(X, w.conv1, strideOnMiddle ? 1 : s, 'valid'), w.bn1, training, unbiased));
  a = relu(batchNorm(conv2d(a, w.conv2, strideOnMiddle ? s : 1, 'same'), w.bn2, training, unbiased));
  return batchNorm(conv2d(a, w.conv3, 1, 'valid'), w.bn3, training, unbiased);
}

/** The convolutional block's shortcut: conv (1×1, stride s) → bn. */
export function shortcutPath(X: NdArray, w: BlockW, s: number, training: boolean, unbiased = false): NdArray {
  return batchNorm(conv2d(X, w.shortcutConv!, s, 'valid'), w.shortcutBn!, training, unbiased);
}

/** The identity block; `unbiased`: every batch norm in training with the n − 1 variance (a known mistake). */
export function identityBlockJs(X: NdArray, w: BlockW, training: boolean, unbiased = false): NdArray {
  return relu(add(mainPath(X, w, 1, training, false, unbiased), X));
}

/** The convolutional block; `unbiased`: every batch norm in training with the n − 1 variance (a known mistake). */
export function convolutionalBlockJs(X: NdArray, w: BlockW, s: number, training: boolean, unbiased = false): NdArray {
  return relu(add(mainPath(X, w, s, training, false, unbiased), shortcutPath(X, w, s, training, unbiased)));
}

/** Trainable and non-trainable parameter counts of a block, layer by layer. */
export function parameterCounts(nC: number, f: number, [F1, F2, F3]: Filters, kind: BlockKind): { trainable: number; nonTrainable: number } {
  const conv = (k: number, cIn: number, cOut: number) => k * k * cIn * cOut + cOut;
  let trainable = conv(1, nC, F1) + conv(f, F1, F2) + conv(1, F2, F3) + 2 * (F1 + F2 + F3);
  let nonTrainable = 2 * (F1 + F2 + F3);
  if (kind === 'convolutional') {
    trainable += conv(1, nC, F3) + 2 * F3;
    nonTrainable += 2 * F3;
  }
  return { trainable, nonTrainable };
}
