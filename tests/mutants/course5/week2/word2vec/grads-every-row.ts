import * as tf from '@tensorflow/tfjs';
import type { EmbeddingGradients } from '../../../../../solutions/course5/week2/word2vec';
export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'negativeSamplingGradients', hint: 'dU has a gradient in every row, as if every word were a negative: only the context\'s row and the negatives\' rows are in the loss, the other rows of dU are 0.' };

export function negativeSamplingGradients(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): EmbeddingGradients {
  return tf.tidy(() => {
    const [vocabSize] = V.shape;
    const vc = tf.gather(V, [centre]);
    const rows = tf.gather(U, [context, ...negatives]);
    const coef = tf.sub(tf.sigmoid(tf.reshape(tf.matMul(rows, vc, false, true), [-1])), tf.tensor1d([1, ...negatives.map(() => 0)]));
    const dV = tf.matMul(tf.oneHot(tf.tensor1d([centre], 'int32'), vocabSize).toFloat(), tf.matMul(tf.reshape(coef, [1, -1]), rows), true) as tf.Tensor2D;
    // Scores of the whole vocabulary, like a softmax layer: every row of U gets σ(u·v_c)·v_c.
    const all = tf.sub(tf.sigmoid(tf.matMul(U, vc, false, true)), tf.oneHot(tf.tensor1d([context], 'int32'), vocabSize).toFloat().reshape([-1, 1]));
    return { dV, dU: tf.mul(all, vc) as tf.Tensor2D };
  });
}
