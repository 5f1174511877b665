import * as tf from '@tensorflow/tfjs';
import type { EmbeddingGradients } from '../../../../../solutions/course5/week2/word2vec';
export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'negativeSamplingGradients', hint: 'The context word\'s factor is σ(u_o·v_c) where it should be σ(u_o·v_c) − 1: the derivative of −log σ(x) is σ(x) − 1.' };

export function negativeSamplingGradients(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): EmbeddingGradients {
  return tf.tidy(() => {
    const [vocabSize] = V.shape;
    const vc = tf.gather(V, [centre]);
    const rows = tf.gather(U, [context, ...negatives]);
    const coef = tf.sigmoid(tf.reshape(tf.matMul(rows, vc, false, true), [-1]));
    const dvc = tf.matMul(tf.reshape(coef, [1, -1]), rows);
    const dRows = tf.mul(tf.reshape(coef, [-1, 1]), vc);
    const where = (ix: number[]) => tf.oneHot(tf.tensor1d(ix, 'int32'), vocabSize).toFloat();
    return { dV: tf.matMul(where([centre]), dvc, true) as tf.Tensor2D, dU: tf.matMul(where([context, ...negatives]), dRows, true) as tf.Tensor2D };
  });
}
