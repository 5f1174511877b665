/** createLookAheadMask keeping the upper triangle: each query sees the future instead of the past. */
import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'createLookAheadMask',
  hint: 'The look-ahead mask keeps the wrong triangle: query i may see keys 0 … i, so the ones are on and below the diagonal (tf.linalg.bandPart(ones, -1, 0)), not above.',
};

export function createLookAheadMask(sequenceLength: number): tf.Tensor3D {
  return tf.tidy(() => tf.linalg.bandPart(tf.ones([1, sequenceLength, sequenceLength]), 0, -1) as tf.Tensor3D); // the mistake: upper band
}
