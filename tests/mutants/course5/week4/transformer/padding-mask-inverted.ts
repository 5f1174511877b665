/** createPaddingMask with the older convention: 1 on padding, 0 on real tokens. */
import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'createPaddingMask',
  hint: 'The padding mask is inverted: in this course 1 marks a real token (id ≠ 0) that may be attended to, 0 marks padding (id = 0).',
};

export function createPaddingMask(decoderTokenIds: tf.Tensor2D): tf.Tensor3D {
  return tf.tidy(() => tf.cast(tf.equal(decoderTokenIds, 0), 'float32').expandDims(1) as tf.Tensor3D); // the mistake: 1 where id = 0
}
