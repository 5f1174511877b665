/**
 * Course 4, week 4 — Art generation with neural style transfer.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';

/** A style layer of the network and its weight λ in the style cost. */
export type StyleLayer = [layerName: string, coefficient: number];

/** The course's STYLE_LAYERS: five VGG-19 layers, weighted equally. */
export const STYLE_LAYERS: StyleLayer[] = [
  ['block1_conv1', 0.2],
  ['block2_conv1', 0.2],
  ['block3_conv1', 0.2],
  ['block4_conv1', 0.2],
  ['block5_conv1', 0.2],
];

/** J_content = 1/(4·nH·nW·nC) · Σ (a_C − a_G)², for activations [1, nH, nW, nC]. */
export function computeContentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    const aCUnrolled = tf.reshape(aC, [1, -1, nC]);
    const aGUnrolled = tf.reshape(aG, [1, -1, nC]);
    return tf.div(tf.sum(tf.square(tf.sub(aCUnrolled, aGUnrolled))), 4 * nH * nW * nC) as tf.Scalar;
  });
}

/** The Gram matrix A·Aᵀ of A [nC, nH·nW]: [nC, nC]. */
export function gramMatrix(A: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(A, A, false, true);
}

/** J_style^[l] = 1/(4·nC²·(nH·nW)²) · Σ (G_S − G_G)², the Gram matrices of the activations unrolled to [nC, nH·nW]. */
export function computeLayerStyleCost(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    const aSUnrolled = tf.transpose(tf.reshape(aS, [nH * nW, nC])) as tf.Tensor2D;
    const aGUnrolled = tf.transpose(tf.reshape(aG, [nH * nW, nC])) as tf.Tensor2D;
    const GS = gramMatrix(aSUnrolled);
    const GG = gramMatrix(aGUnrolled);
    return tf.div(tf.sum(tf.square(tf.sub(GS, GG))), 4 * nC * nC * (nH * nW) ** 2) as tf.Scalar;
  });
}

/** J_style = Σ_l λ_l · J_style^[l]: styleOutputs[l] and generatedOutputs[l] are the activations of the layer styleLayers[l]. */
export function computeStyleCost(styleOutputs: tf.Tensor4D[], generatedOutputs: tf.Tensor4D[], styleLayers: StyleLayer[] = STYLE_LAYERS): tf.Scalar {
  return tf.tidy(() => {
    let JStyle: tf.Scalar = tf.scalar(0);
    styleLayers.forEach(([, coefficient], l) => {
      JStyle = tf.add(JStyle, tf.mul(coefficient, computeLayerStyleCost(styleOutputs[l]!, generatedOutputs[l]!)));
    });
    return JStyle;
  });
}

/** J = α·J_content + β·J_style. */
export function totalCost(Jcontent: number, Jstyle: number, alpha = 10, beta = 40): number {
  return alpha * Jcontent + beta * Jstyle;
}
