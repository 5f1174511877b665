import * as tf from '@tensorflow/tfjs';
import { gramMatrix } from '../../../../../solutions/course4/week4/style-transfer';
export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'computeLayerStyleCost',
  hint: 'The normalisation is 1/(4·nC·nH·nW)², which squares the 4 too: the course uses 1/(4·nC²·(nH·nW)²).',
};

export function computeLayerStyleCost(aS: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    const GS = gramMatrix(tf.transpose(tf.reshape(aS, [nH * nW, nC])) as tf.Tensor2D);
    const GG = gramMatrix(tf.transpose(tf.reshape(aG, [nH * nW, nC])) as tf.Tensor2D);
    return tf.div(tf.sum(tf.square(tf.sub(GS, GG))), (4 * nC * nH * nW) ** 2) as tf.Scalar;
  });
}
