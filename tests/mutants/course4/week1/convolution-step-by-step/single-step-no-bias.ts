import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = { fn: 'convSingleStep', hint: 'The bias is missing: Z = Σ(a_slice_prev ⊙ W) + b.' };

export function convSingleStep(aSlicePrev: tf.Tensor3D, W: tf.Tensor3D, b: tf.Tensor3D): number {
  void b;
  return tf.tidy(() => tf.sum(tf.mul(aSlicePrev, W)).dataSync()[0]!);
}
