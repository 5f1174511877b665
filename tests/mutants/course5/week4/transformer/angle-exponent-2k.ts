/** getAngles with the exponent 2k/d: every dimension gets its own angle instead of sharing it with its pair. */
import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'getAngles',
  hint: 'The exponent is 2·⌊k/2⌋/d, not 2k/d: dimensions 2i and 2i + 1 share the angle pos / 10000^(2i/d) (use tf.floorDiv(k, 2)).',
};

export function getAngles(pos: tf.Tensor, k: tf.Tensor, d: number): tf.Tensor {
  return tf.tidy(() => tf.div(tf.cast(pos, 'float32'), tf.pow(10000, tf.div(tf.mul(2, tf.cast(k, 'float32')), d)))); // the mistake: k, not ⌊k/2⌋
}
