import * as tf from '@tensorflow/tfjs';
import type { EmbeddingGradients } from '../../../../../solutions/course5/week2/word2vec';
export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'negativeSamplingGradients', hint: 'A word used twice (a repeated negative, or a negative equal to the context) keeps only its last contribution in dU: add the contributions (+=), do not overwrite them.' };

export function negativeSamplingGradients(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): EmbeddingGradients {
  const [vocabSize, d] = V.shape;
  const v = V.arraySync();
  const u = U.arraySync();
  const vc = v[centre]!;
  const dV = Array.from({ length: vocabSize }, () => new Array<number>(d).fill(0));
  const dU = Array.from({ length: vocabSize }, () => new Array<number>(d).fill(0));
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  const words = [context, ...negatives];
  words.forEach((w, i) => {
    const score = u[w]!.reduce((s, x, j) => s + x * vc[j]!, 0);
    const coef = sigmoid(score) - (i === 0 ? 1 : 0);
    for (let j = 0; j < d; j++) {
      dV[centre]![j]! += coef * u[w]![j]!;
      dU[w]![j] = coef * vc[j]!; // overwritten when w comes again
    }
  });
  return { dV: tf.tensor2d(dV), dU: tf.tensor2d(dU) };
}
