import * as tf from '@tensorflow/tfjs';
import { convSingleStep, zeroPad, type ConvCache, type ConvHparameters } from '../../../../../solutions/course4/week1/convolution-step-by-step';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = {
  fn: 'convForward',
  hint: 'The windows start at (h, w), ignoring the stride: window (h, w) starts at row h·stride and column w·stride of the padded image.',
};

export function convForward(APrev: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor4D, hparameters: ConvHparameters): [tf.Tensor4D, ConvCache] {
  const [m, nHPrev, nWPrev, nCPrev] = APrev.shape;
  const [f, , , nC] = W.shape;
  const { stride, pad } = hparameters;
  const nH = Math.floor((nHPrev + 2 * pad - f) / stride) + 1;
  const nW = Math.floor((nWPrev + 2 * pad - f) / stride) + 1;
  const Z = tf.tidy(() => {
    const APrevPad = zeroPad(APrev, pad);
    const out = new Float32Array(m * nH * nW * nC);
    for (let i = 0; i < m; i++) {
      for (let h = 0; h < nH; h++) {
        for (let w = 0; w < nW; w++) {
          const vertStart = h;
          const horizStart = w;
          const aSlicePrev = tf.slice(APrevPad, [i, vertStart, horizStart, 0], [1, f, f, nCPrev]).reshape([f, f, nCPrev]) as tf.Tensor3D;
          for (let c = 0; c < nC; c++) {
            const weights = tf.slice(W, [0, 0, 0, c], [f, f, nCPrev, 1]).reshape([f, f, nCPrev]) as tf.Tensor3D;
            const biases = tf.slice(b, [0, 0, 0, c], [1, 1, 1, 1]).reshape([1, 1, 1]) as tf.Tensor3D;
            out[((i * nH + h) * nW + w) * nC + c] = convSingleStep(aSlicePrev, weights, biases);
          }
        }
      }
    }
    return tf.tensor4d(out, [m, nH, nW, nC]);
  });
  return [Z, [APrev, W, b, hparameters]];
}
