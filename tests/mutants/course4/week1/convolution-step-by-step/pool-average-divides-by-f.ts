import * as tf from '@tensorflow/tfjs';
import type { PoolCache, PoolHparameters, PoolMode } from '../../../../../solutions/course4/week1/convolution-step-by-step';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = {
  fn: 'poolForward',
  hint: "'average' divides the window's sum by f: the window holds f·f values, so divide by f² (or use tf.mean).",
};

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
          for (let c = 0; c < nC; c++) {
            const [vertStart, horizStart] = [h * stride, w * stride];
            const window = tf.slice(APrev, [i, vertStart, horizStart, c], [1, f, f, 1]);
            out[((i * nH + h) * nW + w) * nC + c] = mode === 'max' ? tf.max(window).dataSync()[0]! : tf.sum(window).dataSync()[0]! / f;
          }
        }
      }
    }
    return tf.tensor4d(out, [m, nH, nW, nC]);
  });
  return [A, [APrev, hparameters]];
}
