/**
 * Correct alternative: the masks built element by element in a tf.buffer (look-ahead) and with tf.notEqual and a
 * reshape (padding); attention with q scaled by 1/√dk before the product and the mask added as (mask − 1)·1e9; the
 * positional encoding written into a tf.buffer from plain-number angles. The other functions are the reference's.
 */
import * as tf from '@tensorflow/tfjs';

export { encoderLayer, getAngles } from '../../../../../solutions/course5/week4/transformer';

export function positionalEncoding(positions: number, d: number): tf.Tensor3D {
  const pe = tf.buffer<tf.Rank.R3>([1, positions, d], 'float32');
  for (let pos = 0; pos < positions; pos++) {
    for (let k = 0; k < d; k++) {
      const angle = pos / 10000 ** ((2 * Math.floor(k / 2)) / d);
      pe.set(k % 2 === 0 ? Math.sin(angle) : Math.cos(angle), 0, pos, k);
    }
  }
  return pe.toTensor();
}

export function createPaddingMask(decoderTokenIds: tf.Tensor2D): tf.Tensor3D {
  const [m, n] = decoderTokenIds.shape;
  return tf.tidy(() => tf.reshape(tf.cast(tf.notEqual(decoderTokenIds, 0), 'float32'), [m, 1, n]) as tf.Tensor3D);
}

export function createLookAheadMask(sequenceLength: number): tf.Tensor3D {
  const mask = tf.buffer<tf.Rank.R3>([1, sequenceLength, sequenceLength], 'float32');
  for (let i = 0; i < sequenceLength; i++) for (let j = 0; j <= i; j++) mask.set(1, 0, i, j);
  return mask.toTensor();
}

export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask: tf.Tensor | null): [tf.Tensor, tf.Tensor] {
  return tf.tidy(() => {
    const dk = q.shape[q.shape.length - 1]!;
    let logits = tf.matMul(tf.mul(q, 1 / Math.sqrt(dk)), k, false, true);
    if (mask) logits = tf.add(logits, tf.mul(tf.sub(mask, 1), 1e9));
    const weights = tf.softmax(logits);
    return [tf.matMul(weights, v), weights];
  });
}

export const alternative = { style: 'buffer', fns: ['positionalEncoding', 'createPaddingMask', 'createLookAheadMask', 'scaledDotProductAttention'] };
