import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = {
  fn: 'convSingleStep',
  hint: 'b was added to every product before the sum (f·f·nC_prev times): add it once, after the sum.',
};

export function convSingleStep(aSlicePrev: tf.Tensor3D, W: tf.Tensor3D, b: tf.Tensor3D): number {
  return tf.tidy(() => tf.sum(tf.add(tf.mul(aSlicePrev, W), b)).dataSync()[0]!);
}
