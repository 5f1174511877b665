import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'computeContentCost',
  hint: 'The normalisation is 1/(nH·nW·nC): the course divides by 4·nH·nW·nC.',
};

export function computeContentCost(aC: tf.Tensor4D, aG: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, nH, nW, nC] = aG.shape;
    return tf.div(tf.sum(tf.square(tf.sub(aC, aG))), nH * nW * nC) as tf.Scalar;
  });
}
