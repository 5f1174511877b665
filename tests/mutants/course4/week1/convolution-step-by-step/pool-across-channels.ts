import * as tf from '@tensorflow/tfjs';
import type { PoolCache, PoolHparameters, PoolMode } from '../../../../../solutions/course4/week1/convolution-step-by-step';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = {
  fn: 'poolForward',
  hint: 'The pooling mixes the channels: pool every channel on its own (reduce over the window rows and columns only, not the channel axis).',
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
          const window = tf.slice(APrev, [i, h * stride, w * stride, 0], [1, f, f, nC]);
          const value = mode === 'max' ? tf.max(window).dataSync()[0]! : tf.mean(window).dataSync()[0]!;
          out.fill(value, ((i * nH + h) * nW + w) * nC, ((i * nH + h) * nW + w + 1) * nC);
        }
      }
    }
    return tf.tensor4d(out, [m, nH, nW, nC]);
  });
  return [A, [APrev, hparameters]];
}
