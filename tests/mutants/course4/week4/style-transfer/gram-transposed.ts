import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'gramMatrix',
  hint: 'The product is Aᵀ·A ([nH·nW, nH·nW]): the Gram matrix of the channels is A·Aᵀ, [nC, nC].',
};

export function gramMatrix(A: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(A, A, true, false);
}
