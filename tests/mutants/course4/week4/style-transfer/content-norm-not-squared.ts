import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'computeContentCost',
  hint: 'The cost uses the norm ‖a_C − a_G‖ (a square root): it is the sum of the squared differences, Σ(a_C − a_G)².',
};

export function computeContentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    return tf.div(tf.norm(tf.sub(aC, aG)), 4 * nH * nW * nC) as tf.Scalar;
  });
}
