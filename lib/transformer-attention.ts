/**
 * Multi-head attention for course 5, week 4 (Transformer building blocks).
 *
 * TensorFlow.js has no MultiHeadAttention layer (Keras has one, which the course
 * uses), so this module provides a small one, built from four dense layers:
 *
 *   Q = x_q·Wq + bq,  K = x_k·Wk + bk,  V = x_v·Wv + bv          each [m, seq, d]
 *   split each into numHeads heads of depth d / numHeads        → [m, numHeads, seq, depth]
 *   [heads, weights] = attention(Q, K, V, mask)                 (your scaledDotProductAttention)
 *   concatenate the heads back                                  → [m, seqQ, d]
 *   output = concat·Wo + bo                                     [m, seqQ, d]
 *
 * The attention itself is a parameter: the encoder layer passes the learner's
 * own `scaledDotProductAttention`, so this module holds no part of the answer.
 * Unlike Keras's layer, it applies no dropout to the attention weights.
 *
 * The mask, when given, follows the course's convention: 1 where a position may be
 * attended to, 0 where it may not, broadcastable to [m, seqQ, seqK] (a padding mask
 * [m, 1, seqK] or a look-ahead mask [1, seqQ, seqK]). It gets a heads axis here,
 * [m, 1, seqQ | 1, seqK], so the attention sees one mask for every head.
 */
import * as tf from '@tensorflow/tfjs';

/** The four projections: kernels [d, d] (input → output), biases [d]. */
export interface MhaWeights {
  wq: tf.Tensor2D;
  bq: tf.Tensor1D;
  wk: tf.Tensor2D;
  bk: tf.Tensor1D;
  wv: tf.Tensor2D;
  bv: tf.Tensor1D;
  wo: tf.Tensor2D;
  bo: tf.Tensor1D;
}

/** A scaled dot-product attention: [output, attention weights]. */
export type AttentionFn = (q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask: tf.Tensor | null) => [tf.Tensor, tf.Tensor];

type Projection = 'q' | 'k' | 'v' | 'o';

export class MultiHeadAttention {
  readonly depth: number;
  private readonly dense: Record<Projection, tf.layers.Layer>;

  /** d is the model's size (the last axis of its inputs); it must be a multiple of numHeads. */
  constructor(
    readonly d: number,
    readonly numHeads: number,
    weights?: MhaWeights,
    seed = 0,
  ) {
    if (!Number.isInteger(d / numHeads)) throw new Error(`MultiHeadAttention: d = ${d} is not a multiple of numHeads = ${numHeads}.`);
    this.depth = d / numHeads;
    const make = (p: Projection, i: number) =>
      tf.layers.dense({
        units: d,
        inputShape: [d],
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
        ...(weights ? { weights: [weights[`w${p}`], weights[`b${p}`]] } : {}),
      });
    this.dense = { q: make('q', 0), k: make('k', 1), v: make('v', 2), o: make('o', 3) };
  }

  /** [m, seq, d] → [m, numHeads, seq, depth]. */
  private split(x: tf.Tensor): tf.Tensor4D {
    const [m, seq] = x.shape as [number, number, number];
    return tf.transpose(tf.reshape(x, [m, seq, this.numHeads, this.depth]), [0, 2, 1, 3]);
  }

  /** [m, numHeads, seq, depth] → [m, seq, d]. */
  private merge(x: tf.Tensor): tf.Tensor3D {
    const [m, , seq] = x.shape as [number, number, number, number];
    return tf.reshape(tf.transpose(x, [0, 2, 1, 3]), [m, seq, this.d]);
  }

  /**
   * Attends from query [m, seqQ, d] to key [m, seqK, d] and value [m, seqK, d] with
   * `attention` on each head. Returns [output [m, seqQ, d], attention weights
   * [m, numHeads, seqQ, seqK]].
   */
  apply(query: tf.Tensor3D, key: tf.Tensor3D, value: tf.Tensor3D, mask: tf.Tensor | null, attention: AttentionFn): [tf.Tensor3D, tf.Tensor4D] {
    const project = (p: Projection, x: tf.Tensor) => this.dense[p].apply(x) as tf.Tensor;
    const q = this.split(project('q', query));
    const k = this.split(project('k', key));
    const v = this.split(project('v', value));
    const headMask = mask === null ? null : tf.expandDims(mask.rank === 2 ? tf.expandDims(mask, 0) : mask, 1);
    const [heads, weights] = attention(q, k, v, headMask);
    return [project('o', this.merge(heads)) as tf.Tensor3D, weights as tf.Tensor4D];
  }

  /** Frees the dense layers' weights (a layer never applied has none). */
  dispose(): void {
    for (const layer of Object.values(this.dense)) if (layer.built) layer.dispose();
  }
}
