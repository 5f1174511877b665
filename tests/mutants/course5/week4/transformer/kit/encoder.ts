/** The encoder layer of the mutants, with its sublayer wiring replaceable. */
import * as tf from '@tensorflow/tfjs';
import { MultiHeadAttention } from '../../../../../../lib/transformer-attention';
import { scaledDotProductAttention, type EncoderOptions, type EncoderWeights } from '../../../../../../solutions/course5/week4/transformer';

type Apply = (layer: tf.layers.Layer, t: tf.Tensor) => tf.Tensor;

/** How a sublayer's output joins the stream: norm(x + sub) in the reference. */
export type Join = (x: tf.Tensor, sub: tf.Tensor, norm: (t: tf.Tensor) => tf.Tensor) => tf.Tensor;

export function encoderWith(join: Join, dropoutAlways = false) {
  return (x: tf.Tensor3D, training: boolean, mask: tf.Tensor | null, options: EncoderOptions, weights?: EncoderWeights): tf.Tensor3D => {
    const { numHeads, fullyConnectedDim, dropoutRate = 0.1, layernormEps = 1e-6 } = options;
    const d = x.shape[2];
    const w = weights;
    const mha = new MultiHeadAttention(d, numHeads, w?.mha);
    const dense = (units: number, seed: number, activation: 'relu' | 'linear', kernel?: tf.Tensor, bias?: tf.Tensor) =>
      tf.layers.dense({ units, activation, kernelInitializer: tf.initializers.glorotUniform({ seed }), ...(kernel && bias ? { weights: [kernel, bias] } : {}) });
    const norm = (n?: { gamma: tf.Tensor; beta: tf.Tensor }) => tf.layers.layerNormalization({ epsilon: layernormEps, ...(n ? { weights: [n.gamma, n.beta] } : {}) });
    const layers = [dense(fullyConnectedDim, 10, 'relu', w?.ffn.w1, w?.ffn.b1), dense(d, 11, 'linear', w?.ffn.w2, w?.ffn.b2), norm(w?.layernorm1), norm(w?.layernorm2)] as const;
    const [ffn1, ffn2, norm1, norm2] = layers;
    const apply: Apply = (layer, t) => layer.apply(t) as tf.Tensor;
    const drop = (t: tf.Tensor) => (dropoutAlways || training ? tf.dropout(t, dropoutRate) : t);
    try {
      return tf.tidy(() => {
        const [attn] = mha.apply(x, x, x, mask, scaledDotProductAttention);
        const out1 = join(x, drop(attn), (t) => apply(norm1, t));
        const ffn = apply(ffn2, apply(ffn1, out1));
        return join(out1, drop(ffn), (t) => apply(norm2, t)) as tf.Tensor3D;
      });
    } finally {
      mha.dispose();
      for (const layer of layers) if (layer.built) layer.dispose();
    }
  };
}
