/**
 * Correct alternative with TensorFlow.js built-ins: the look-ahead mask as
 * tf.cumsum of tf.eye; the encoding as sin/cos blended by an even-index mask
 * built with tf.mod; the padding mask with tf.sign; attention with tf.softmax on
 * an explicitly transposed K (tf.transpose of the last two axes); the encoder's
 * feed-forward network as a tf.sequential model of two dense layers, the
 * layer normalizations as tf.layers.layerNormalization, dropout with tf.dropout.
 */
import * as tf from '@tensorflow/tfjs';
import { MultiHeadAttention } from '../../../../../lib/transformer-attention';
import type { EncoderOptions, EncoderWeights } from '../../../../../solutions/course5/week4/transformer';

export function getAngles(pos: tf.Tensor, k: tf.Tensor, d: number): tf.Tensor {
  return tf.tidy(() => {
    const i = tf.floor(tf.div(tf.cast(k, 'float32'), 2));
    const denominators = tf.exp(tf.mul(tf.div(tf.mul(i, 2), d), Math.log(10000)));
    return tf.div(tf.cast(pos, 'float32'), denominators);
  });
}

export function positionalEncoding(positions: number, d: number): tf.Tensor3D {
  return tf.tidy(() => {
    const k = tf.range(0, d, 1, 'float32').reshape([1, d]);
    const angles = getAngles(tf.range(0, positions, 1, 'float32').reshape([positions, 1]), k, d);
    const odd = tf.mod(k, 2); // 1 on odd dimensions
    return tf.add(tf.mul(tf.sin(angles), tf.sub(1, odd)), tf.mul(tf.cos(angles), odd)).reshape([1, positions, d]) as tf.Tensor3D;
  });
}

export function createPaddingMask(decoderTokenIds: tf.Tensor2D): tf.Tensor3D {
  return tf.tidy(() => tf.expandDims(tf.abs(tf.sign(tf.cast(decoderTokenIds, 'float32'))), 1) as tf.Tensor3D);
}

export function createLookAheadMask(sequenceLength: number): tf.Tensor3D {
  return tf.tidy(() => tf.cumsum(tf.eye(sequenceLength), 0).expandDims(0) as tf.Tensor3D);
}

export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask: tf.Tensor | null): [tf.Tensor, tf.Tensor] {
  return tf.tidy(() => {
    const r = k.rank;
    const perm = [...Array.from({ length: r - 2 }, (_, i) => i), r - 1, r - 2];
    const kT = tf.transpose(k, perm);
    const logits = tf.div(tf.matMul(q, kT), tf.sqrt(tf.scalar(k.shape[r - 1]!)));
    const masked = mask === null ? logits : tf.add(logits, tf.mul(tf.sub(tf.onesLike(mask), mask), tf.scalar(-1e9)));
    const weights = tf.softmax(masked);
    return [tf.matMul(weights, v), weights];
  });
}

export function encoderLayer(x: tf.Tensor3D, training: boolean, mask: tf.Tensor | null, options: EncoderOptions, weights?: EncoderWeights): tf.Tensor3D {
  const d = x.shape[2];
  const rate = options.dropoutRate ?? 0.1;
  const epsilon = options.layernormEps ?? 1e-6;
  const ffn = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [d], units: options.fullyConnectedDim, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 10 }), weights: weights ? [weights.ffn.w1, weights.ffn.b1] : undefined }),
      tf.layers.dense({ units: d, kernelInitializer: tf.initializers.glorotUniform({ seed: 11 }), weights: weights ? [weights.ffn.w2, weights.ffn.b2] : undefined }),
    ],
  });
  const ln1 = tf.layers.layerNormalization({ epsilon, weights: weights ? [weights.layernorm1.gamma, weights.layernorm1.beta] : undefined });
  const ln2 = tf.layers.layerNormalization({ epsilon, weights: weights ? [weights.layernorm2.gamma, weights.layernorm2.beta] : undefined });
  const mha = new MultiHeadAttention(d, options.numHeads, weights?.mha);
  const maybeDrop = (t: tf.Tensor) => (training ? tf.dropout(t, rate) : t);
  try {
    return tf.tidy(() => {
      const attn = maybeDrop(mha.apply(x, x, x, mask, scaledDotProductAttention)[0]);
      const out1 = ln1.apply(tf.add(attn, x)) as tf.Tensor;
      const [m, seq] = x.shape;
      const f = tf.reshape(ffn.predict(tf.reshape(out1, [m * seq, d])) as tf.Tensor, [m, seq, d]);
      return ln2.apply(tf.add(maybeDrop(f), out1)) as tf.Tensor3D;
    });
  } finally {
    mha.dispose();
    ffn.dispose();
    for (const l of [ln1, ln2]) if (l.built) l.dispose();
  }
}

export const alternative = {
  style: 'builtin',
  fns: ['getAngles', 'positionalEncoding', 'createPaddingMask', 'createLookAheadMask', 'scaledDotProductAttention', 'encoderLayer'],
};
