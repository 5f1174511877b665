/**
 * Correct alternative, im2col: the convolution as one matrix product — every window of the padded input unrolled
 * into a row (in the order of W's first three axes), times W reshaped to [f·f·nC_prev, nC], plus b. The other
 * functions are the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import type { ConvCache, ConvHparameters } from '../../../../../exercises/course4/week1/convolution-step-by-step';

export {
  convBackward,
  convSingleStep,
  createMaskFromWindow,
  distributeValue,
  poolBackward,
  poolForward,
  zeroPad,
} from '../../../../../solutions/course4/week1/convolution-step-by-step';

export function convForward(APrev: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor4D, hparameters: ConvHparameters): [tf.Tensor4D, ConvCache] {
  const [m, nHPrev, nWPrev, nCPrev] = APrev.shape;
  const [f, , , nC] = W.shape;
  const { stride, pad } = hparameters;
  const nH = Math.floor((nHPrev + 2 * pad - f) / stride) + 1;
  const nW = Math.floor((nWPrev + 2 * pad - f) / stride) + 1;
  const a = tf.tidy(() => tf.pad(APrev, [[0, 0], [pad, pad], [pad, pad], [0, 0]])).bufferSync();
  const K = f * f * nCPrev;
  const rows = new Float32Array(m * nH * nW * K);
  let r = 0;
  for (let i = 0; i < m; i++)
    for (let h = 0; h < nH; h++)
      for (let w = 0; w < nW; w++)
        for (let p = 0; p < f; p++) for (let q = 0; q < f; q++) for (let k = 0; k < nCPrev; k++) rows[r++] = a.get(i, h * stride + p, w * stride + q, k);
  const Z = tf.tidy(() => {
    const cols = tf.tensor2d(rows, [m * nH * nW, K]);
    return tf.reshape(tf.add(tf.matMul(cols, tf.reshape(W, [K, nC])), tf.reshape(b, [1, nC])), [m, nH, nW, nC]) as tf.Tensor4D;
  });
  return [Z, [APrev, W, b, hparameters]];
}

export const alternative = { style: 'im2col', fns: ['convForward'] };
