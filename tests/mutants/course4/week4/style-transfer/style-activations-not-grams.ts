import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'computeLayerStyleCost',
  hint: 'The cost compares the activations themselves: the style cost compares their Gram matrices, G_S = gramMatrix(unrolled a_S) and G_G.',
};

export function computeLayerStyleCost(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    return tf.div(tf.sum(tf.square(tf.sub(aS, aG))), 4 * nC * nC * (nH * nW) ** 2) as tf.Scalar;
  });
}
