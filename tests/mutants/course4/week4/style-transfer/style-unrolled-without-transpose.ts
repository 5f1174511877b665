import * as tf from '@tensorflow/tfjs';
import { gramMatrix } from '../../../../../solutions/course4/week4/style-transfer';
export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'computeLayerStyleCost',
  hint: 'The activations are reshaped straight to [nC, nH·nW]: that mixes channels and positions. Reshape to [nH·nW, nC], then transpose.',
};

export function computeLayerStyleCost(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    const GS = gramMatrix(tf.reshape(aS, [nC, nH * nW]));
    const GG = gramMatrix(tf.reshape(aG, [nC, nH * nW]));
    return tf.div(tf.sum(tf.square(tf.sub(GS, GG))), 4 * nC * nC * (nH * nW) ** 2) as tf.Scalar;
  });
}
