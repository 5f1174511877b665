/**
 * Sequence models, week 4 — Transformer building blocks.
 * Read transformer.md first. Grade your work with: npm run grade -- course5/week4/transformer
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 *
 * Shapes as the course: a batch of sequences is [m, seq, d] (d = the embedding size).
 * Masks use the course's convention: 1 = attend to this position, 0 = ignore it.
 */
import * as tf from '@tensorflow/tfjs';
import { MultiHeadAttention, type MhaWeights } from '../../../lib/transformer-attention';
import { notImplemented } from '../../../lib/not-implemented';

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

/**
 * The angles of the positional encoding: angle(pos, k) = pos / 10000^(2i / d) with i = ⌊k / 2⌋,
 * so dimensions 2i and 2i + 1 share one angle.
 * pos is a column [positions, 1], k a row [1, d] of the dimension indices 0 … d − 1;
 * broadcasting gives the result [positions, d]. tf.floorDiv and tf.pow help.
 */
export function getAngles(pos: tf.Tensor, k: tf.Tensor, d: number): tf.Tensor {
  return notImplemented('getAngles');
}

/**
 * The positional encodings, [1, positions, d]: PE[0, pos, k] = sin(angle(pos, k)) for even k,
 * cos(angle(pos, k)) for odd k. Use getAngles on tf.range(0, positions) as a column and
 * tf.range(0, d) as a row; tf.where can pick sin or cos by the parity of k.
 */
export function positionalEncoding(positions: number, d: number): tf.Tensor3D {
  return notImplemented('positionalEncoding');
}

/**
 * The padding mask of a batch of token ids [m, n] (0 is the padding token): float32 [m, 1, n],
 * 1 where the token is real (not 0), 0 on padding. The middle axis lets it broadcast over the queries.
 */
export function createPaddingMask(decoderTokenIds: tf.Tensor2D): tf.Tensor3D {
  return notImplemented('createPaddingMask');
}

/**
 * The look-ahead mask of a sequence of length n: float32 [1, n, n], ones on and below the diagonal,
 * zeros above — query i may attend to keys 0 … i only. tf.linalg.bandPart keeps a band of a matrix.
 */
export function createLookAheadMask(sequenceLength: number): tf.Tensor3D {
  return notImplemented('createLookAheadMask');
}

/**
 * Attention(Q, K, V) = softmax(Q·Kᵀ / √dk + (1 − mask)·(−1e9)) · V, the softmax over the keys (last axis).
 * q is [..., seqQ, dk], k [..., seqK, dk], v [..., seqK, dv]; mask is null or broadcastable to
 * [..., seqQ, seqK]. Returns [output [..., seqQ, dv], attention weights [..., seqQ, seqK]].
 * dk is the size of k's last axis. tf.matMul(a, b, false, true) multiplies by bᵀ.
 */
export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask: tf.Tensor | null): [tf.Tensor, tf.Tensor] {
  return notImplemented('scaledDotProductAttention');
}

/**
 * One encoder layer on x [m, seq, d], with TensorFlow.js layers:
 *   attn = dropout(multi-head self-attention of x), with
 *          new MultiHeadAttention(d, numHeads, weights?.mha).apply(x, x, x, mask, scaledDotProductAttention)
 *   out1 = layerNormalization(x + attn)
 *   ffn  = dense(d)(dense(fullyConnectedDim, relu)(out1))
 *   out2 = layerNormalization(out1 + dropout(ffn))
 * Use tf.layers.dense, tf.layers.layerNormalization ({ epsilon: layernormEps }) and tf.layers.dropout
 * ({ rate: dropoutRate }); apply the dropout layers with layer.apply(t, { training }).
 * When weights are given, pass them to the layers' `weights` option ([kernel, bias] for a dense
 * layer, [gamma, beta] for a layer normalization). Dispose the layers before returning.
 * Returns out2, [m, seq, d].
 */
export function encoderLayer(x: tf.Tensor3D, training: boolean, mask: tf.Tensor | null, options: EncoderOptions, weights?: EncoderWeights): tf.Tensor3D {
  return notImplemented('encoderLayer');
}
