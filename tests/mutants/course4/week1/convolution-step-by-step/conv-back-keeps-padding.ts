import * as tf from '@tensorflow/tfjs';
import { zeroPad, type ConvCache } from '../../../../../solutions/course4/week1/convolution-step-by-step';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = {
  fn: 'convBackward',
  hint: 'dA_prev still has its padding: cut pad rows and columns off each side of dA_prev_pad.',
};

export function convBackward(dZ: tf.Tensor4D, cache: ConvCache): [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D] {
  const [APrev, W, , { stride, pad }] = cache;
  const [m, nHPrev, nWPrev, nCPrev] = APrev.shape;
  const [f, , , nC] = W.shape;
  const [, nH, nW] = dZ.shape;
  const aPad = zeroPad(APrev, pad).bufferSync();
  const weights = W.bufferSync();
  const dz = dZ.bufferSync();
  const dAPrevPad = tf.buffer<tf.Rank.R4>([m, nHPrev + 2 * pad, nWPrev + 2 * pad, nCPrev], 'float32');
  const dW = tf.buffer<tf.Rank.R4>([f, f, nCPrev, nC], 'float32');
  const db = tf.buffer<tf.Rank.R4>([1, 1, 1, nC], 'float32');
  for (let i = 0; i < m; i++) {
    for (let h = 0; h < nH; h++) {
      for (let w = 0; w < nW; w++) {
        for (let c = 0; c < nC; c++) {
          const [vertStart, horizStart] = [h * stride, w * stride];
          const g = dz.get(i, h, w, c);
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
  void aPad;
  return [dAPrevPad.toTensor(), dW.toTensor(), db.toTensor()];
}
