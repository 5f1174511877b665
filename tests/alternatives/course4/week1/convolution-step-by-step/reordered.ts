/**
 * Correct alternative, vectorised over examples and channels: each output position is one
 * matMul of the window with the filters; the backward pass uses the transposed products;
 * pooling backward builds each window's gradient and pads it into place.
 */
import * as tf from '@tensorflow/tfjs';
import type { ConvCache, ConvHparameters, PoolCache, PoolHparameters, PoolMode } from '../../../../../exercises/course4/week1/convolution-step-by-step';

export function zeroPad(X: tf.Tensor4D, pad: number): tf.Tensor4D {
  return tf.tidy(() => {
    if (pad === 0) return X.clone();
    const [m, nH, nW, nC] = X.shape;
    const rows = tf.zeros([m, pad, nW, nC]);
    const tall = tf.concat([rows, X, rows], 1);
    const cols = tf.zeros([m, nH + 2 * pad, pad, nC]);
    return tf.concat([cols, tall, cols], 2) as tf.Tensor4D;
  });
}

export function convSingleStep(aSlicePrev: tf.Tensor3D, W: tf.Tensor3D, b: tf.Tensor3D): number {
  return tf.tidy(() => tf.add(tf.dot(aSlicePrev.flatten(), W.flatten()), tf.sum(b)).dataSync()[0]!);
}

export function convForward(APrev: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor4D, hparameters: ConvHparameters): [tf.Tensor4D, ConvCache] {
  const { stride, pad } = hparameters;
  const [m, nHPrev, nWPrev] = APrev.shape;
  const [f, , nCPrev, nC] = W.shape;
  const outH = 1 + Math.floor((nHPrev - f + 2 * pad) / stride);
  const outW = 1 + Math.floor((nWPrev - f + 2 * pad) / stride);
  const Z = tf.tidy(() => {
    const padded = zeroPad(APrev, pad);
    const filters = W.reshape([f * f * nCPrev, nC]);
    const bias = b.reshape([1, nC]);
    const columns: tf.Tensor[] = [];
    for (let h = 0; h < outH; h++) {
      const row: tf.Tensor[] = [];
      for (let w = 0; w < outW; w++) {
        const patch = padded.slice([0, h * stride, w * stride, 0], [m, f, f, nCPrev]).reshape([m, f * f * nCPrev]);
        row.push(tf.matMul(patch, filters).add(bias));
      }
      columns.push(tf.stack(row, 1));
    }
    return tf.stack(columns, 1) as tf.Tensor4D;
  });
  return [Z, [APrev, W, b, hparameters]];
}

export function poolForward(APrev: tf.Tensor4D, hparameters: PoolHparameters, mode: PoolMode = 'max'): [tf.Tensor4D, PoolCache] {
  const { f, stride } = hparameters;
  const [m, nHPrev, nWPrev, nC] = APrev.shape;
  const outH = 1 + Math.floor((nHPrev - f) / stride);
  const outW = 1 + Math.floor((nWPrev - f) / stride);
  const A = tf.tidy(() => {
    const rows: tf.Tensor[] = [];
    for (let h = 0; h < outH; h++) {
      const row: tf.Tensor[] = [];
      for (let w = 0; w < outW; w++) {
        const win = APrev.slice([0, h * stride, w * stride, 0], [m, f, f, nC]);
        row.push(mode === 'max' ? win.max([1, 2]) : win.sum([1, 2]).div(f * f));
      }
      rows.push(tf.stack(row, 1));
    }
    return tf.stack(rows, 1) as tf.Tensor4D;
  });
  return [A, [APrev, hparameters]];
}

export function convBackward(dZ: tf.Tensor4D, cache: ConvCache): [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D] {
  const [APrev, W, , { stride, pad }] = cache;
  const [m, nHPrev, nWPrev, nCPrev] = APrev.shape;
  const [f, , , nC] = W.shape;
  const [, nH, nW] = dZ.shape;
  return tf.tidy(() => {
    const padded = zeroPad(APrev, pad);
    const [PH, PW] = [nHPrev + 2 * pad, nWPrev + 2 * pad];
    const filtersT = W.reshape([f * f * nCPrev, nC]).transpose();
    let dPadded: tf.Tensor = tf.zeros([m, PH, PW, nCPrev]);
    let dWflat: tf.Tensor = tf.zeros([f * f * nCPrev, nC]);
    // Walk the windows last to first: the sums do not depend on the order.
    for (let h = nH - 1; h >= 0; h--) {
      for (let w = nW - 1; w >= 0; w--) {
        const [r, c] = [h * stride, w * stride];
        const g = dZ.slice([0, h, w, 0], [m, 1, 1, nC]).reshape([m, nC]);
        const patch = padded.slice([0, r, c, 0], [m, f, f, nCPrev]).reshape([m, f * f * nCPrev]);
        // dW += patchᵀ·g, computed as (gᵀ·patch)ᵀ.
        dWflat = dWflat.add(tf.matMul(g, patch, true, false).transpose());
        const back = tf.matMul(g, filtersT).reshape([m, f, f, nCPrev]);
        dPadded = dPadded.add(tf.pad(back, [[0, 0], [r, PH - r - f], [c, PW - c - f], [0, 0]]));
      }
    }
    const dAPrev = dPadded.slice([0, pad, pad, 0], [m, nHPrev, nWPrev, nCPrev]) as tf.Tensor4D;
    const db = dZ.sum([0, 1, 2], true) as tf.Tensor4D;
    return [dAPrev, dWflat.reshape([f, f, nCPrev, nC]) as tf.Tensor4D, db];
  });
}

export function createMaskFromWindow(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    // Every entry equal to the maximum, then keep the one where the running count first reaches 1.
    const isMax = tf.cast(tf.equal(x, tf.max(x)), 'float32').flatten();
    const seen = tf.cumsum(isMax);
    return tf.mul(isMax, tf.cast(tf.equal(seen, 1), 'float32')).reshape(x.shape) as tf.Tensor2D;
  });
}

export function distributeValue(dz: number, shape: [number, number]): tf.Tensor2D {
  const [nH, nW] = shape;
  return tf.tidy(() => tf.mul(tf.ones(shape), dz).div(nH * nW) as tf.Tensor2D);
}

export function poolBackward(dA: tf.Tensor4D, cache: PoolCache, mode: PoolMode = 'max'): tf.Tensor4D {
  const [APrev, { f, stride }] = cache;
  const [m, nHPrev, nWPrev, nC] = APrev.shape;
  const [, nH, nW] = dA.shape;
  return tf.tidy(() => {
    let out: tf.Tensor = tf.zeros(APrev.shape);
    for (let h = 0; h < nH; h++) {
      for (let w = 0; w < nW; w++) {
        const [r, c] = [h * stride, w * stride];
        const g = dA.slice([0, h, w, 0], [m, 1, 1, nC]); // [m, 1, 1, nC], broadcast over the window
        let piece: tf.Tensor;
        if (mode === 'average') {
          piece = tf.mul(tf.onesLike(APrev.slice([0, r, c, 0], [m, f, f, nC])), g.div(f * f));
        } else {
          // [m, f, f, nC] → [m, nC, f·f]: the first maximum of each window, as a 0/1 row.
          const win = APrev.slice([0, r, c, 0], [m, f, f, nC]).transpose([0, 3, 1, 2]).reshape([m, nC, f * f]);
          const first = tf.argMax(win, 2).expandDims(2); // [m, nC, 1]
          const mask = tf.equal(tf.range(0, f * f, 1, 'int32').reshape([1, 1, f * f]), first).reshape([m, nC, f, f]).transpose([0, 2, 3, 1]);
          piece = tf.mul(tf.cast(mask, 'float32'), g);
        }
        out = out.add(tf.pad(piece, [[0, 0], [r, nHPrev - r - f], [c, nWPrev - c - f], [0, 0]]));
      }
    }
    return out as tf.Tensor4D;
  });
}

export const alternative = {
  style: 'reordered',
  fns: ['zeroPad', 'convSingleStep', 'convForward', 'poolForward', 'convBackward', 'createMaskFromWindow', 'distributeValue', 'poolBackward'],
};
