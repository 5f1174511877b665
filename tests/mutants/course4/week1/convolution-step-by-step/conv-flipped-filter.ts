import * as tf from '@tensorflow/tfjs';
import { convForward as reference, type ConvCache, type ConvHparameters } from '../../../../../solutions/course4/week1/convolution-step-by-step';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = {
  fn: 'convForward',
  hint: 'The filter is flipped, as in a signal-processing convolution: a CNN "convolution" is a cross-correlation — multiply each window by W as it is.',
};

export function convForward(APrev: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor4D, hparameters: ConvHparameters): [tf.Tensor4D, ConvCache] {
  const [Z] = reference(APrev, tf.reverse(W, [0, 1]), b, hparameters);
  return [Z, [APrev, W, b, hparameters]];
}
