/**
 * Course 4, week 4 — Art generation with neural style transfer.
 *
 * Neural style transfer paints a content image C in the style of a style image S:
 * it starts from a generated image G and changes its pixels to lower
 *   J(G) = α·J_content(C, G) + β·J_style(S, G)
 * where both costs compare the activations a pretrained CNN (VGG-19) computes for
 * the images. You write those costs, on activations [1, nH, nW, nC].
 * Read style-transfer.md first. Grade your work with: npm run grade -- course4/week4/style-transfer
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';

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

/**
 * Exercise 1 — the content cost. aC and aG are one layer's activations [1, nH, nW, nC]
 * for the content image and the generated image.
 *   J_content = 1 / (4·nH·nW·nC) · Σ (a_C − a_G)²        (the sum runs over every entry)
 * Read nH, nW, nC from aG.shape. (The course unrolls both to [1, nH·nW, nC] first, with
 * tf.reshape: for this cost the order of the entries does not matter.)
 * Return the cost as a scalar tensor.
 */
export function computeContentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return notImplemented('computeContentCost');
}

/**
 * Exercise 2 — the Gram matrix ("style matrix") of A [nC, nH·nW]:
 *   G = A·Aᵀ        [nC, nC]; G[i][j] is the dot product of rows (channels) i and j.
 * tf.matMul(a, b, transposeA, transposeB) can transpose its second argument for you.
 */
export function gramMatrix(A: tf.Tensor2D): tf.Tensor2D {
  return notImplemented('gramMatrix');
}

/**
 * Exercise 3 — one layer's style cost. aS, aG are [1, nH, nW, nC].
 *   1. unroll each to [nC, nH·nW]: reshape to [nH·nW, nC], THEN transpose.
 *      (Reshaping straight to [nC, nH·nW] does not give the channels as rows: it cuts the
 *      memory, where the channels of one position are next to each other, into nC pieces.)
 *   2. G_S = gramMatrix(unrolled a_S), G_G = gramMatrix(unrolled a_G)
 *   3. J_style^[l] = 1 / (4·nC²·(nH·nW)²) · Σ (G_S − G_G)²
 * Return the cost as a scalar tensor.
 */
export function computeLayerStyleCost(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return notImplemented('computeLayerStyleCost');
}

/**
 * Exercise 4 — the style cost over several layers.
 * styleOutputs[l] and generatedOutputs[l] are the activations of layer styleLayers[l]
 * for the style image and the generated image.
 *   J_style = Σ_l λ_l · J_style^[l](styleOutputs[l], generatedOutputs[l])      with [name, λ_l] = styleLayers[l]
 * Return the cost as a scalar tensor.
 */
export function computeStyleCost(styleOutputs: tf.Tensor4D[], generatedOutputs: tf.Tensor4D[], styleLayers: StyleLayer[] = STYLE_LAYERS): tf.Scalar {
  return notImplemented('computeStyleCost');
}

/**
 * Exercise 5 — the total cost J = α·J_content + β·J_style, on plain numbers.
 */
export function totalCost(Jcontent: number, Jstyle: number, alpha = 10, beta = 40): number {
  return notImplemented('totalCost');
}
