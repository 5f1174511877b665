/** Correct alternative: tf.losses.meanSquaredError for both costs (the mean hides the normalisation), tf.einsum for the Gram matrix. */
import * as tf from '@tensorflow/tfjs';
import { STYLE_LAYERS, type StyleLayer } from '../../../../../exercises/course4/week4/style-transfer';

export function computeContentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  // mean over nH·nW·nC entries, then the course's extra 1/4.
  return tf.tidy(() => tf.losses.meanSquaredError(aC, aG).div(4) as tf.Scalar);
}

export function gramMatrix(A: tf.Tensor2D): tf.Tensor2D {
  return tf.einsum('ij,kj->ik', A, A) as tf.Tensor2D;
}

export function computeLayerStyleCost(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    const unrolled = (a: tf.Tensor4D) => a.reshape([nH * nW, nC]).transpose() as tf.Tensor2D;
    // mean over the nC² entries of the Gram matrices: Σ/(4·nC²·(nH·nW)²) = mean/(4·(nH·nW)²).
    return tf.losses.meanSquaredError(gramMatrix(unrolled(aS)), gramMatrix(unrolled(aG))).div(4 * (nH * nW) ** 2) as tf.Scalar;
  });
}

export function computeStyleCost(styleOutputs: tf.Tensor4D[], generatedOutputs: tf.Tensor4D[], styleLayers: StyleLayer[] = STYLE_LAYERS): tf.Scalar {
  return tf.tidy(() => {
    const costs = tf.stack(styleLayers.map((_, l) => computeLayerStyleCost(styleOutputs[l]!, generatedOutputs[l]!)));
    const weights = tf.tensor1d(styleLayers.map(([, lambda]) => lambda));
    return tf.dot(weights, costs) as tf.Scalar;
  });
}

export function totalCost(Jcontent: number, Jstyle: number, alpha = 10, beta = 40): number {
  return [alpha, beta].reduce((J, w, i) => J + w * [Jcontent, Jstyle][i]!, 0);
}

export const alternative = { style: 'builtin', fns: ['computeContentCost', 'gramMatrix', 'computeLayerStyleCost', 'computeStyleCost', 'totalCost'] };
