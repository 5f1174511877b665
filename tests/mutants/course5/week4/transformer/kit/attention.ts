/** The attention of the mutants, with one step replaceable: how the logits are scaled, masked, normalised and applied. */
import * as tf from '@tensorflow/tfjs';

export interface AttentionVariant {
  scale?: (dk: number) => number;
  mask?: (logits: tf.Tensor, mask: tf.Tensor) => tf.Tensor;
  /** Normalise exp(logits) over this axis by hand (tf.softmax only takes the last one). */
  softmaxAxis?: number;
  transposeWeights?: boolean;
}

export function attentionWith(variant: AttentionVariant) {
  return (q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask: tf.Tensor | null): [tf.Tensor, tf.Tensor] =>
    tf.tidy(() => {
      const dk = k.shape[k.shape.length - 1]!;
      let logits = tf.div(tf.matMul(q, k, false, true), (variant.scale ?? Math.sqrt)(dk));
      if (mask) logits = variant.mask ? variant.mask(logits, mask) : tf.add(logits, tf.mul(tf.sub(1, mask), -1e9));
      const weights = variant.softmaxAxis === undefined ? tf.softmax(logits, -1) : tf.div(tf.exp(logits), tf.sum(tf.exp(logits), variant.softmaxAxis, true));
      return [tf.matMul(weights, v, variant.transposeWeights ?? false, false), weights];
    });
}
