/**
 * Correct alternative, einsum style: the Gram matrix as tf.einsum('ik,jk->ij', A, A); the activations unrolled by
 * moving the channels first (transpose to [1, nC, nH, nW]) and reshaping to [nC, nH·nW]; the costs with
 * tf.squaredDifference and a mean (the content cost as mean((a_C − a_G)²) / 4, the same Σ / (4·nH·nW·nC)); the
 * style cost by reducing over the layers.
 */
import * as tf from '@tensorflow/tfjs';
import { STYLE_LAYERS, type StyleLayer } from '../../../../../exercises/course4/week4/style-transfer';

export { totalCost } from '../../../../../solutions/course4/week4/style-transfer';

export function computeContentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => tf.div(tf.mean(tf.squaredDifference(aC, aG)), 4) as tf.Scalar);
}

export function gramMatrix(A: tf.Tensor2D): tf.Tensor2D {
  return tf.einsum('ik,jk->ij', A, A) as tf.Tensor2D;
}

const unrolled = (a: tf.Tensor4D): tf.Tensor2D => {
  const [, nH, nW, nC] = a.shape;
  return tf.reshape(tf.transpose(a, [0, 3, 1, 2]), [nC, nH * nW]) as tf.Tensor2D;
};

export function computeLayerStyleCost(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    const diff = tf.squaredDifference(gramMatrix(unrolled(aS)), gramMatrix(unrolled(aG)));
    return tf.div(tf.sum(diff), 4 * nC * nC * nH * nW * nH * nW) as tf.Scalar;
  });
}

export function computeStyleCost(styleOutputs: tf.Tensor4D[], generatedOutputs: tf.Tensor4D[], styleLayers: StyleLayer[] = STYLE_LAYERS): tf.Scalar {
  return tf.tidy(() =>
    styleLayers.reduce<tf.Scalar>((J, [, coefficient], l) => tf.add(J, tf.mul(computeLayerStyleCost(styleOutputs[l]!, generatedOutputs[l]!), coefficient)) as tf.Scalar, tf.scalar(0)),
  );
}

export const alternative = { style: 'einsum', fns: ['computeContentCost', 'gramMatrix', 'computeLayerStyleCost', 'computeStyleCost'] };
