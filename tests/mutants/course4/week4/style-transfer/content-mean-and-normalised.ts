import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'computeContentCost',
  hint: 'The squared differences are averaged (tf.mean) and then divided by 4·nH·nW·nC as well: sum them (tf.sum), the normalisation already divides by their number.',
};

export function computeContentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    return tf.div(tf.mean(tf.square(tf.sub(aC, aG))), 4 * nH * nW * nC) as tf.Scalar;
  });
}
