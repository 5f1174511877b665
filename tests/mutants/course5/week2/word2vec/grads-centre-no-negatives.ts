import * as tf from '@tensorflow/tfjs';
import type { EmbeddingGradients } from '../../../../../solutions/course5/week2/word2vec';
export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'negativeSamplingGradients', hint: 'dV[c] is missing the negatives\' contribution: add σ(u_k·v_c)·u_k for every negative to (σ(u_o·v_c) − 1)·u_o.' };

export function negativeSamplingGradients(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): EmbeddingGradients {
  return tf.tidy(() => {
    const [vocabSize] = V.shape;
    const vc = tf.gather(V, [centre]);
    const rows = tf.gather(U, [context, ...negatives]);
    const coef = tf.sub(tf.sigmoid(tf.reshape(tf.matMul(rows, vc, false, true), [-1])), tf.tensor1d([1, ...negatives.map(() => 0)]));
    const dvc = tf.mul(tf.slice(coef, [0], [1]), tf.gather(U, [context])); // the context's term only
    const dRows = tf.mul(tf.reshape(coef, [-1, 1]), vc);
    const where = (ix: number[]) => tf.oneHot(tf.tensor1d(ix, 'int32'), vocabSize).toFloat();
    return { dV: tf.matMul(where([centre]), dvc, true) as tf.Tensor2D, dU: tf.matMul(where([context, ...negatives]), dRows, true) as tf.Tensor2D };
  });
}
