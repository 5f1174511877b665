import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'negativeSamplingLoss', hint: 'The negatives\' terms are −log σ(u_k·v_c): the minus sign inside σ is missing — a negative is a "no", −log σ(−u_k·v_c).' };

export function negativeSamplingLoss(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): number {
  return tf.tidy(() => {
    const vc = tf.gather(V, [centre]);
    const scores = tf.reshape(tf.matMul(tf.gather(U, [context, ...negatives]), vc, false, true), [-1]);
    return -tf.sum(tf.logSigmoid(scores)).dataSync()[0]!;
  });
}
