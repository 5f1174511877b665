import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'computeContentCost',
  hint: 'The differences are summed without squaring them, so they cancel out (and the cost can be negative): J_content sums (a_C − a_G)².',
};

export function computeContentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    return tf.div(tf.sum(tf.sub(aC, aG)), 4 * nH * nW * nC) as tf.Scalar;
  });
}
