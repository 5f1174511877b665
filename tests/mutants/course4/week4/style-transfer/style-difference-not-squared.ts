import * as tf from '@tensorflow/tfjs';
import { gramMatrix } from '../../../../../solutions/course4/week4/style-transfer';
export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'computeLayerStyleCost',
  hint: 'The differences of the Gram matrices are summed without squaring them, so they cancel out (and the cost can be negative): J_style sums (G_S − G_G)².',
};

export function computeLayerStyleCost(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    const GS = gramMatrix(tf.transpose(tf.reshape(aS, [nH * nW, nC])) as tf.Tensor2D);
    const GG = gramMatrix(tf.transpose(tf.reshape(aG, [nH * nW, nC])) as tf.Tensor2D);
    return tf.div(tf.sum(tf.sub(GS, GG)), 4 * nC * nC * (nH * nW) ** 2) as tf.Scalar;
  });
}
