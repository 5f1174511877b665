import * as tf from '@tensorflow/tfjs';
import { createMaskFromWindow, distributeValue, type PoolCache, type PoolMode } from '../../../../../solutions/course4/week1/convolution-step-by-step';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = {
  fn: 'poolBackward',
  hint: "'max' adds the mask alone: multiply it by the window's gradient dA[i, h, w, c].",
};

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
            return createMaskFromWindow(aPrevSlice).dataSync();
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
