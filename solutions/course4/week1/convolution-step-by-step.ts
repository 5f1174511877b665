/**
 * Course 4, week 1 — Convolutional model: step by step.
 * Reference solution.
 *
 * Images are [m, nH, nW, nC]; filters W [f, f, nCPrev, nC]; biases b [1, 1, 1, nC].
 * The loops follow the course's (over examples, output rows, output columns,
 * channels); TensorFlow.js tensors are immutable, so the backward passes
 * accumulate into tf.buffer()s and turn them into tensors at the end.
 */
import * as tf from '@tensorflow/tfjs';

/** A convolution's hyperparameters: the step between windows and the zero border added to H and W. */
export type ConvHparameters = { stride: number; pad: number };
/** A pooling layer's hyperparameters: the window size f and the step between windows. */
export type PoolHparameters = { f: number; stride: number };
export type PoolMode = 'max' | 'average';
/** What convForward keeps for convBackward: [A_prev, W, b, hparameters]. */
export type ConvCache = [APrev: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor4D, hparameters: ConvHparameters];
/** What poolForward keeps for poolBackward: [A_prev, hparameters]. */
export type PoolCache = [APrev: tf.Tensor4D, hparameters: PoolHparameters];

/** Pads H and W (axes 1 and 2) of every image with `pad` zeros on each side. [m, nH, nW, nC] → [m, nH + 2pad, nW + 2pad, nC]. */
export function zeroPad(X: tf.Tensor4D, pad: number): tf.Tensor4D {
  return tf.pad(X, [
    [0, 0],
    [pad, pad],
    [pad, pad],
    [0, 0],
  ]);
}

/** One filter on one window: Σ(a_slice_prev ⊙ W) + b, as a number. a_slice_prev and W are [f, f, nCPrev], b is [1, 1, 1]. */
export function convSingleStep(aSlicePrev: tf.Tensor3D, W: tf.Tensor3D, b: tf.Tensor3D): number {
  const s = tf.tidy(() => tf.sum(tf.mul(aSlicePrev, W)).dataSync()[0]!);
  return s + b.dataSync()[0]!;
}

/** The forward pass of a convolution layer. Returns [Z, cache] with Z [m, nH, nW, nC], nH = ⌊(nHPrev + 2pad − f)/stride⌋ + 1. */
export function convForward(APrev: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor4D, hparameters: ConvHparameters): [tf.Tensor4D, ConvCache] {
  const [m, nHPrev, nWPrev, nCPrev] = APrev.shape;
  const [f, , , nC] = W.shape;
  const { stride, pad } = hparameters;
  const nH = Math.floor((nHPrev + 2 * pad - f) / stride) + 1;
  const nW = Math.floor((nWPrev + 2 * pad - f) / stride) + 1;
  const Z = tf.tidy(() => {
    const APrevPad = zeroPad(APrev, pad);
    const weights = Array.from({ length: nC }, (_, c) => tf.slice(W, [0, 0, 0, c], [f, f, nCPrev, 1]).reshape([f, f, nCPrev]) as tf.Tensor3D);
    const biases = Array.from({ length: nC }, (_, c) => tf.slice(b, [0, 0, 0, c], [1, 1, 1, 1]).reshape([1, 1, 1]) as tf.Tensor3D);
    const out = new Float32Array(m * nH * nW * nC);
    for (let i = 0; i < m; i++) {
      for (let h = 0; h < nH; h++) {
        const vertStart = h * stride;
        for (let w = 0; w < nW; w++) {
          const horizStart = w * stride;
          const aSlicePrev = tf.slice(APrevPad, [i, vertStart, horizStart, 0], [1, f, f, nCPrev]).reshape([f, f, nCPrev]) as tf.Tensor3D;
          for (let c = 0; c < nC; c++) out[((i * nH + h) * nW + w) * nC + c] = convSingleStep(aSlicePrev, weights[c]!, biases[c]!);
        }
      }
    }
    return tf.tensor4d(out, [m, nH, nW, nC]);
  });
  return [Z, [APrev, W, b, hparameters]];
}

/** Max or average pooling, window f × f, per channel. Returns [A, cache] with A [m, nH, nW, nC], nH = ⌊(nHPrev − f)/stride⌋ + 1. */
export function poolForward(APrev: tf.Tensor4D, hparameters: PoolHparameters, mode: PoolMode = 'max'): [tf.Tensor4D, PoolCache] {
  const [m, nHPrev, nWPrev, nC] = APrev.shape;
  const { f, stride } = hparameters;
  const nH = Math.floor((nHPrev - f) / stride) + 1;
  const nW = Math.floor((nWPrev - f) / stride) + 1;
  const A = tf.tidy(() => {
    const out = new Float32Array(m * nH * nW * nC);
    for (let i = 0; i < m; i++) {
      for (let h = 0; h < nH; h++) {
        for (let w = 0; w < nW; w++) {
          const window = tf.slice(APrev, [i, h * stride, w * stride, 0], [1, f, f, nC]);
          const pooled = mode === 'max' ? tf.max(window, [0, 1, 2]) : tf.mean(window, [0, 1, 2]);
          out.set(pooled.dataSync(), ((i * nH + h) * nW + w) * nC);
        }
      }
    }
    return tf.tensor4d(out, [m, nH, nW, nC]);
  });
  return [A, [APrev, hparameters]];
}

/** The backward pass of a convolution layer. Returns [dA_prev, dW, db], shaped like A_prev, W and b. */
export function convBackward(dZ: tf.Tensor4D, cache: ConvCache): [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D] {
  const [APrev, W, b, { stride, pad }] = cache;
  const [m, nHPrev, nWPrev, nCPrev] = APrev.shape;
  const [f, , , nC] = W.shape;
  const [, nH, nW] = dZ.shape;
  const APrevPad = zeroPad(APrev, pad);
  const aPad = APrevPad.bufferSync();
  APrevPad.dispose();
  const weights = W.bufferSync();
  const dz = dZ.bufferSync();
  const dAPrevPad = tf.buffer<tf.Rank.R4>([m, nHPrev + 2 * pad, nWPrev + 2 * pad, nCPrev], 'float32');
  const dW = tf.buffer<tf.Rank.R4>([f, f, nCPrev, nC], 'float32');
  const db = tf.buffer<tf.Rank.R4>([1, 1, 1, nC], 'float32');
  for (let i = 0; i < m; i++) {
    for (let h = 0; h < nH; h++) {
      for (let w = 0; w < nW; w++) {
        for (let c = 0; c < nC; c++) {
          const vertStart = h * stride;
          const horizStart = w * stride;
          const g = dz.get(i, h, w, c);
          // da_prev_pad[vert, horiz, :] += W[:, :, :, c] * dZ[i, h, w, c];  dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
          for (let p = 0; p < f; p++) {
            for (let q = 0; q < f; q++) {
              for (let k = 0; k < nCPrev; k++) {
                const [y, x] = [vertStart + p, horizStart + q];
                dAPrevPad.set(dAPrevPad.get(i, y, x, k) + weights.get(p, q, k, c) * g, i, y, x, k);
                dW.set(dW.get(p, q, k, c) + aPad.get(i, y, x, k) * g, p, q, k, c);
              }
            }
          }
          db.set(db.get(0, 0, 0, c) + g, 0, 0, 0, c);
        }
      }
    }
  }
  const dAPrev = tf.tidy(() => tf.slice(dAPrevPad.toTensor(), [0, pad, pad, 0], [m, nHPrev, nWPrev, nCPrev]));
  return [dAPrev, dW.toTensor(), db.toTensor()];
}

/** 1 at the maximum of x and 0 elsewhere; on a tie, only the first maximum (row-major) is marked. */
export function createMaskFromWindow(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.equal(tf.range(0, x.size, 1, 'int32'), tf.argMax(x.flatten())).reshape(x.shape).toFloat() as tf.Tensor2D);
}

/** A [nH, nW] matrix holding dz / (nH · nW) everywhere: the gradient of an average, spread over its inputs. */
export function distributeValue(dz: number, shape: [number, number]): tf.Tensor2D {
  const [nH, nW] = shape;
  return tf.fill([nH, nW], dz / (nH * nW));
}

/** The backward pass of a pooling layer. Returns dA_prev, shaped like A_prev. */
export function poolBackward(dA: tf.Tensor4D, cache: PoolCache, mode: PoolMode = 'max'): tf.Tensor4D {
  const [APrev, { f, stride }] = cache;
  const [m, nHPrev, nWPrev, nC] = APrev.shape;
  const [, nH, nW] = dA.shape;
  const da = dA.bufferSync();
  const dAPrev = tf.buffer<tf.Rank.R4>([m, nHPrev, nWPrev, nC], 'float32');
  for (let i = 0; i < m; i++) {
    for (let h = 0; h < nH; h++) {
      for (let w = 0; w < nW; w++) {
        for (let c = 0; c < nC; c++) {
          const [vertStart, horizStart] = [h * stride, w * stride];
          const g = da.get(i, h, w, c);
          const share = tf.tidy(() => {
            if (mode === 'average') return distributeValue(g, [f, f]).dataSync();
            const aPrevSlice = tf.slice(APrev, [i, vertStart, horizStart, c], [1, f, f, 1]).reshape([f, f]) as tf.Tensor2D;
            return tf.mul(createMaskFromWindow(aPrevSlice), g).dataSync();
          });
          for (let p = 0; p < f; p++) {
            for (let q = 0; q < f; q++) {
              const [y, x] = [vertStart + p, horizStart + q];
              dAPrev.set(dAPrev.get(i, y, x, c) + share[p * f + q]!, i, y, x, c);
            }
          }
        }
      }
    }
  }
  return dAPrev.toTensor();
}
