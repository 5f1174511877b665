/**
 * Correct alternative, vectorised but rearranged: angles as pos · 10000^(−2i/d);
 * the encoding as sin(angle + (k mod 2)·π/2) (cos x = sin(x + π/2)); masks from
 * comparisons; attention with q scaled before the product, the mask added as
 * mask·1e9 − 1e9 and the softmax as exp(z − logsumexp z); the encoder layer with
 * the provided multi-head attention but a hand-written feed-forward network
 * (2-D matMuls) and layer normalization from tf.moments, dropout via tf.dropout.
 */
import * as tf from '@tensorflow/tfjs';
import { MultiHeadAttention, type MhaWeights } from '../../../../../lib/transformer-attention';
import type { EncoderOptions, EncoderWeights, LayerNormWeights } from '../../../../../solutions/course5/week4/transformer';

export function getAngles(pos: tf.Tensor, k: tf.Tensor, d: number): tf.Tensor {
  return tf.tidy(() => {
    const twoI = tf.mul(tf.floor(tf.div(tf.cast(k, 'float32'), 2)), 2);
    const rates = tf.pow(10000, tf.neg(tf.div(twoI, d)));
    return tf.mul(rates, tf.cast(pos, 'float32'));
  });
}

export function positionalEncoding(positions: number, d: number): tf.Tensor3D {
  return tf.tidy(() => {
    const k = tf.range(0, d).expandDims(0);
    const angles = getAngles(tf.range(0, positions).expandDims(1), k, d);
    const phase = tf.mul(tf.mod(k, 2), Math.PI / 2);
    return tf.sin(tf.add(angles, phase)).expandDims(0) as tf.Tensor3D;
  });
}

export function createPaddingMask(decoderTokenIds: tf.Tensor2D): tf.Tensor3D {
  const [m, n] = decoderTokenIds.shape;
  return tf.tidy(() => tf.reshape(tf.cast(tf.notEqual(decoderTokenIds, 0), 'float32'), [m, 1, n]) as tf.Tensor3D);
}

export function createLookAheadMask(sequenceLength: number): tf.Tensor3D {
  return tf.tidy(() => {
    const i = tf.range(0, sequenceLength).reshape([sequenceLength, 1]);
    const j = tf.range(0, sequenceLength).reshape([1, sequenceLength]);
    return tf.cast(tf.lessEqual(j, i), 'float32').reshape([1, sequenceLength, sequenceLength]) as tf.Tensor3D;
  });
}

export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask: tf.Tensor | null): [tf.Tensor, tf.Tensor] {
  return tf.tidy(() => {
    const dk = q.shape[q.rank - 1]!;
    let scores = tf.matMul(tf.mul(q, 1 / Math.sqrt(dk)), k, false, true);
    if (mask !== null) scores = tf.add(scores, tf.sub(tf.mul(mask, 1e9), 1e9));
    const attn = tf.exp(tf.sub(scores, tf.logSumExp(scores, -1, true)));
    return [tf.matMul(attn, v), attn];
  });
}

const glorot = (shape: [number, number], seed: number) => tf.initializers.glorotUniform({ seed }).apply(shape) as tf.Tensor2D;

function normalise(x: tf.Tensor, n: LayerNormWeights, eps: number): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, eps))), n.gamma), n.beta);
}

export function encoderLayer(x: tf.Tensor3D, training: boolean, mask: tf.Tensor | null, options: EncoderOptions, weights?: EncoderWeights): tf.Tensor3D {
  const { numHeads, fullyConnectedDim } = options;
  const rate = options.dropoutRate ?? 0.1;
  const eps = options.layernormEps ?? 1e-6;
  const [m, seq, d] = x.shape;
  const w: EncoderWeights = weights ?? {
    mha: undefined as unknown as MhaWeights,
    ffn: { w1: glorot([d, fullyConnectedDim], 10), b1: tf.zeros([fullyConnectedDim]), w2: glorot([fullyConnectedDim, d], 11), b2: tf.zeros([d]) },
    layernorm1: { gamma: tf.ones([d]), beta: tf.zeros([d]) },
    layernorm2: { gamma: tf.ones([d]), beta: tf.zeros([d]) },
  };
  const mha = new MultiHeadAttention(d, numHeads, weights?.mha);
  const drop = (t: tf.Tensor) => (training && rate > 0 ? tf.dropout(t, rate) : t);
  try {
    return tf.tidy(() => {
      const [attn] = mha.apply(x, x, x, mask, scaledDotProductAttention);
      const out1 = normalise(tf.add(drop(attn), x), w.layernorm1, eps);
      const flat = tf.reshape(out1, [m * seq, d]) as tf.Tensor2D;
      const hidden = tf.relu(tf.add(tf.matMul(flat, w.ffn.w1), w.ffn.b1)) as tf.Tensor2D;
      const ffn = tf.reshape(tf.add(tf.matMul(hidden, w.ffn.w2), w.ffn.b2), [m, seq, d]);
      return normalise(tf.add(drop(ffn), out1), w.layernorm2, eps) as tf.Tensor3D;
    });
  } finally {
    mha.dispose();
  }
}

export const alternative = {
  style: 'reordered',
  fns: ['getAngles', 'positionalEncoding', 'createPaddingMask', 'createLookAheadMask', 'scaledDotProductAttention', 'encoderLayer'],
};
