import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = {
  fn: 'createMaskFromWindow',
  hint: 'On a tie, mark only the first maximum (tf.argMax of the flattened window): max passes its gradient to one input, and marking every tied entry would hand the same gradient out several times.',
};

export function createMaskFromWindow(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.equal(x, tf.max(x)).toFloat() as tf.Tensor2D);
}
