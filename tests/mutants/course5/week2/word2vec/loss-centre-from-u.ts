import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'negativeSamplingLoss', hint: 'The centre vector is taken from U: v_c is row c of V (centre vectors); only the context and the negatives come from U.' };

export function negativeSamplingLoss(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): number {
  void V;
  return tf.tidy(() => {
    const vc = tf.gather(U, [centre]);
    const scores = tf.reshape(tf.matMul(tf.gather(U, [context, ...negatives]), vc, false, true), [-1]);
    const signs = tf.tensor1d([1, ...negatives.map(() => -1)]);
    return -tf.sum(tf.logSigmoid(tf.mul(signs, scores))).dataSync()[0]!;
  });
}
