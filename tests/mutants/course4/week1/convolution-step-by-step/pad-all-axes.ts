import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = {
  fn: 'zeroPad',
  hint: 'The examples and channels were padded too: pad only axes 1 and 2 (H and W), with [0, 0] for axes 0 and 3.',
};

export function zeroPad(X: tf.Tensor4D, pad: number): tf.Tensor4D {
  return tf.pad(X, [
    [pad, pad],
    [pad, pad],
    [pad, pad],
    [pad, pad],
  ]);
}
