import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = {
  fn: 'zeroPad',
  hint: 'All the padding went after the image (2·pad zeros at the end of H and W): put pad zeros on each side, [pad, pad].',
};

export function zeroPad(X: tf.Tensor4D, pad: number): tf.Tensor4D {
  return tf.pad(X, [
    [0, 0],
    [0, 2 * pad],
    [0, 2 * pad],
    [0, 0],
  ]);
}
