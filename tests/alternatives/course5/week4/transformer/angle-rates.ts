/**
 * Correct alternative for getAngles, with the most float32 rounding a course-style
 * answer has: the rates 1 / 10000^(2i/d) as exp(−ln(10000)·(k − k mod 2)/d), the
 * logarithm itself taken in float32 (tf.log), then multiplied by the positions.
 * The other functions are the reference solution's.
 */
import * as tf from '@tensorflow/tfjs';

export {
  createLookAheadMask,
  createPaddingMask,
  encoderLayer,
  positionalEncoding,
  scaledDotProductAttention,
} from '../../../../../solutions/course5/week4/transformer';

export function getAngles(pos: tf.Tensor, k: tf.Tensor, d: number): tf.Tensor {
  return tf.tidy(() => {
    const kf = tf.cast(k, 'float32');
    const twoI = tf.sub(kf, tf.mod(kf, 2)); // 2·⌊k/2⌋ for k ≥ 0
    const rates = tf.exp(tf.mul(tf.neg(tf.log(tf.scalar(10000))), tf.div(twoI, d)));
    return tf.mul(tf.cast(pos, 'float32'), rates);
  });
}

export const alternative = { style: 'reordered', fns: ['getAngles'] };
