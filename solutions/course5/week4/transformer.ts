/**
 * Sequence models, week 4 — Transformer building blocks.
 * Reference solution.
 *
 * Shapes as the course: a batch of sequences is [m, seq, d] (d = the model's
 * embedding size). Masks use the course's convention: 1 = attend to this
 * position, 0 = ignore it; a mask adds (1 − mask)·(−1e9) to the attention logits.
 */
import * as tf from '@tensorflow/tfjs';
import { MultiHeadAttention, type MhaWeights } from '../../../lib/transformer-attention';

export type { MhaWeights } from '../../../lib/transformer-attention';

/** The position-wise feed-forward network: dense(relu) [d → dff], then dense [dff → d]. */
export interface FfnWeights {
  w1: tf.Tensor2D;
  b1: tf.Tensor1D;
  w2: tf.Tensor2D;
  b2: tf.Tensor1D;
}

/** A layer normalization's scale and offset, each [d]. */
export interface LayerNormWeights {
  gamma: tf.Tensor1D;
  beta: tf.Tensor1D;
}

/** Every weight of one encoder layer. */
export interface EncoderWeights {
  mha: MhaWeights;
  ffn: FfnWeights;
  layernorm1: LayerNormWeights;
  layernorm2: LayerNormWeights;
}

/** The encoder layer's hyperparameters (the course's EncoderLayer constructor). */
export interface EncoderOptions {
  numHeads: number;
  fullyConnectedDim: number;
  /** Default 0.1. */
  dropoutRate?: number;
  /** Default 1e-6. */
  layernormEps?: number;
}

/** angle(pos, k) = pos / 10000^(2·⌊k/2⌋ / d): pos is [positions, 1], k is [1, d]; the result [positions, d]. */
export function getAngles(pos: tf.Tensor, k: tf.Tensor, d: number): tf.Tensor {
  return tf.tidy(() => {
    const i = tf.floorDiv(tf.cast(k, 'float32'), 2);
    return tf.div(tf.cast(pos, 'float32'), tf.pow(10000, tf.div(tf.mul(2, i), d)));
  });
}

/** [1, positions, d]: sin of the angles on even indices k, cos on odd ones. */
export function positionalEncoding(positions: number, d: number): tf.Tensor3D {
  return tf.tidy(() => {
    const pos = tf.range(0, positions).reshape([positions, 1]);
    const k = tf.range(0, d).reshape([1, d]);
    const angles = getAngles(pos, k, d);
    const even = tf.equal(tf.mod(k, 2), 0);
    return tf.where(tf.broadcastTo(even, [positions, d]), tf.sin(angles), tf.cos(angles)).reshape([1, positions, d]) as tf.Tensor3D;
  });
}

/** decoderTokenIds [m, n] → [m, 1, n] float32: 1 where the token is not 0 (a real token), 0 on padding. */
export function createPaddingMask(decoderTokenIds: tf.Tensor2D): tf.Tensor3D {
  return tf.tidy(() => tf.sub(1, tf.cast(tf.equal(decoderTokenIds, 0), 'float32')).expandDims(1) as tf.Tensor3D);
}

/** [1, n, n]: ones on and below the diagonal (query i may attend to keys 0…i), zeros above. */
export function createLookAheadMask(sequenceLength: number): tf.Tensor3D {
  return tf.tidy(() => tf.linalg.bandPart(tf.ones([1, sequenceLength, sequenceLength]), -1, 0) as tf.Tensor3D);
}

/**
 * softmax(Q·Kᵀ / √dk + (1 − mask)·(−1e9)) over the keys, then times V.
 * q [..., seqQ, dk], k [..., seqK, dk], v [..., seqK, dv], mask broadcastable to
 * [..., seqQ, seqK] or null. Returns [output [..., seqQ, dv], weights [..., seqQ, seqK]].
 */
export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask: tf.Tensor | null): [tf.Tensor, tf.Tensor] {
  return tf.tidy(() => {
    const dk = k.shape[k.shape.length - 1]!;
    let logits = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk));
    if (mask) logits = tf.add(logits, tf.mul(tf.sub(1, mask), -1e9));
    const weights = tf.softmax(logits, -1);
    return [tf.matMul(weights, v), weights];
  });
}

/** Frees a layer's weights, if it got as far as building them. */
function release(layer: tf.layers.Layer): void {
  if (layer.built) layer.dispose();
}

/**
 * One encoder layer on x [m, seq, d]:
 *   attn = dropout(multi-head self-attention(x, x, x, mask))
 *   out1 = layernorm1(x + attn)
 *   out2 = layernorm2(out1 + dropout(dense(relu → dff) then dense(→ d) of out1))
 * Dropout acts only when training is true. Weights, when given, are used as they are;
 * otherwise the layers are initialised with seeded Glorot uniform kernels.
 */
export function encoderLayer(x: tf.Tensor3D, training: boolean, mask: tf.Tensor | null, options: EncoderOptions, weights?: EncoderWeights): tf.Tensor3D {
  const { numHeads, fullyConnectedDim, dropoutRate = 0.1, layernormEps = 1e-6 } = options;
  const d = x.shape[2];
  const w = weights;
  const mha = new MultiHeadAttention(d, numHeads, w?.mha);
  const dense = (units: number, seed: number, activation: 'relu' | 'linear', kernel?: tf.Tensor, bias?: tf.Tensor) =>
    tf.layers.dense({ units, activation, kernelInitializer: tf.initializers.glorotUniform({ seed }), ...(kernel && bias ? { weights: [kernel, bias] } : {}) });
  const layerNorm = (n?: LayerNormWeights) => tf.layers.layerNormalization({ epsilon: layernormEps, ...(n ? { weights: [n.gamma, n.beta] } : {}) });
  const ffn1 = dense(fullyConnectedDim, 10, 'relu', w?.ffn.w1, w?.ffn.b1);
  const ffn2 = dense(d, 11, 'linear', w?.ffn.w2, w?.ffn.b2);
  const [norm1, norm2] = [layerNorm(w?.layernorm1), layerNorm(w?.layernorm2)];
  const [drop1, drop2] = [tf.layers.dropout({ rate: dropoutRate }), tf.layers.dropout({ rate: dropoutRate })];
  try {
    return tf.tidy(() => {
      const [attn] = mha.apply(x, x, x, mask, scaledDotProductAttention);
      const out1 = norm1.apply(tf.add(x, drop1.apply(attn, { training }) as tf.Tensor)) as tf.Tensor;
      const ffn = ffn2.apply(ffn1.apply(out1)) as tf.Tensor;
      return norm2.apply(tf.add(out1, drop2.apply(ffn, { training }) as tf.Tensor)) as tf.Tensor3D;
    });
  } finally {
    mha.dispose();
    [ffn1, ffn2, norm1, norm2, drop1, drop2].forEach(release);
  }
}
