import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'negativeSamplingLoss', hint: 'The negatives\' terms are averaged: the loss sums −log σ(−u_k·v_c) over the k negatives.' };

export function negativeSamplingLoss(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): number {
  return tf.tidy(() => {
    const vc = tf.gather(V, [centre]);
    const positive = -tf.logSigmoid(tf.sum(tf.mul(tf.gather(U, [context]), vc))).dataSync()[0]!;
    if (negatives.length === 0) return positive;
    const scores = tf.reshape(tf.matMul(tf.gather(U, negatives), vc, false, true), [-1]);
    return positive - tf.mean(tf.logSigmoid(tf.neg(scores))).dataSync()[0]!;
  });
}
