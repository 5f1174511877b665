/**
 * Correct alternative, float32-sensitive reorderings: the content differences scaled by 1/√(4·nH·nW·nC)
 * before they are squared; the activations unrolled by transposing the 4-D tensor to [1, nC, nH, nW]
 * first; the Gram matrices each divided by 2·nC·nH·nW before they are compared (Σ(G_S − G_G)²/(4·nC²·(nH·nW)²)
 * = Σ(G_S/k − G_G/k)² with k = 2·nC·nH·nW); the layers summed with tf.addN.
 */
import * as tf from '@tensorflow/tfjs';
import { STYLE_LAYERS, type StyleLayer } from '../../../../../exercises/course4/week4/style-transfer';

export function computeContentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    return tf.sum(tf.square(tf.mul(tf.sub(aG, aC), 1 / Math.sqrt(4 * nH * nW * nC)))) as tf.Scalar;
  });
}

export function gramMatrix(A: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(A, tf.transpose(A));
}

export function computeLayerStyleCost(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    const k = 2 * nC * nH * nW;
    const scaledGram = (a: tf.Tensor4D) => tf.div(gramMatrix(tf.reshape(tf.transpose(a, [0, 3, 1, 2]), [nC, -1]) as tf.Tensor2D), k);
    return tf.sum(tf.squaredDifference(scaledGram(aS), scaledGram(aG))) as tf.Scalar;
  });
}

export function computeStyleCost(styleOutputs: tf.Tensor4D[], generatedOutputs: tf.Tensor4D[], styleLayers: StyleLayer[] = STYLE_LAYERS): tf.Scalar {
  return tf.tidy(() => tf.addN([tf.scalar(0), ...styleLayers.map(([, lambda], l) => tf.mul(computeLayerStyleCost(styleOutputs[l]!, generatedOutputs[l]!), lambda))]) as tf.Scalar);
}

export function totalCost(Jcontent: number, Jstyle: number, alpha = 10, beta = 40): number {
  return Jstyle * beta + Jcontent * alpha;
}

export const alternative = { style: 'prescaled', fns: ['computeContentCost', 'gramMatrix', 'computeLayerStyleCost', 'computeStyleCost', 'totalCost'] };
