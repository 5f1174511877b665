/**
 * Correct alternative: the content cost as mean((a_C − a_G)²)/4; the Gram matrix as (Aᵀ)ᵀ·Aᵀ;
 * the layer's Gram matrices from the [nH·nW, nC] unrolling as Uᵀ·U (no explicit transpose),
 * each scaled by 1/(2·nC·nH·nW) before the difference; the layers summed last to first with tf.addN.
 */
import * as tf from '@tensorflow/tfjs';
import { STYLE_LAYERS, type StyleLayer } from '../../../../../exercises/course4/week4/style-transfer';

export function computeContentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => tf.div(tf.mean(tf.square(tf.sub(aG, aC))), 4) as tf.Scalar);
}

export function gramMatrix(A: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const At = tf.transpose(A);
    return tf.matMul(At, At, true, false) as tf.Tensor2D;
  });
}

export function computeLayerStyleCost(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aS.shape;
    const scale = 1 / (2 * nC * nH * nW);
    // U is [nH·nW, nC]: its Gram matrix over positions is Uᵀ·U.
    const scaledGram = (a: tf.Tensor4D) => {
      const U = a.reshape([nH * nW, nC]) as tf.Tensor2D;
      return tf.mul(tf.matMul(U, U, true, false), scale);
    };
    return tf.sum(tf.square(tf.sub(scaledGram(aG), scaledGram(aS)))) as tf.Scalar;
  });
}

export function computeStyleCost(styleOutputs: tf.Tensor4D[], generatedOutputs: tf.Tensor4D[], styleLayers: StyleLayer[] = STYLE_LAYERS): tf.Scalar {
  return tf.tidy(() => {
    const terms: tf.Tensor[] = [];
    for (let l = styleLayers.length - 1; l >= 0; l--) terms.push(computeLayerStyleCost(styleOutputs[l]!, generatedOutputs[l]!).mul(styleLayers[l]![1]));
    return (terms.length ? tf.addN(terms) : tf.scalar(0)) as tf.Scalar;
  });
}

export function totalCost(Jcontent: number, Jstyle: number, alpha = 10, beta = 40): number {
  return beta * Jstyle + alpha * Jcontent;
}

export const alternative = { style: 'reordered', fns: ['computeContentCost', 'gramMatrix', 'computeLayerStyleCost', 'computeStyleCost', 'totalCost'] };
