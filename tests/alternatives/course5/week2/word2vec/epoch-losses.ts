/**
 * Correct alternative for trainWord2vec: V and U drawn into one [2·vocabSize, d] draw split in two (the same numbers
 * in the same order: V's rows first), the pair losses kept in an array and averaged at the end of each epoch, and the
 * update written as V + (−learningRate)·dV with tensor methods. The other functions are the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { wordCounts } from '../../../../../lib/datasets/word2vec-corpus';
import {
  negativeSamples,
  negativeSamplingGradients,
  negativeSamplingLoss,
  skipGramPairs,
  unigramDistribution,
  type Word2vecResult,
} from '../../../../../solutions/course5/week2/word2vec';

export * from '../../../../../solutions/course5/week2/word2vec';

export function trainWord2vec(
  corpus: number[],
  vocabSize: number,
  embeddingDim = 10,
  windowSize = 2,
  k = 5,
  learningRate = 0.05,
  epochs = 5,
  seed = 1,
): Word2vecResult {
  np.random.seed(seed);
  const both = tf.tensor2d(np.random.randn(2 * vocabSize, embeddingDim), [2 * vocabSize, embeddingDim]).mul(0.1);
  let [V, U] = tf.split(both, 2, 0) as [tf.Tensor2D, tf.Tensor2D];
  both.dispose();
  const p = unigramDistribution(wordCounts(corpus, vocabSize), 0.75);
  const pairs = skipGramPairs(corpus, windowSize);
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const pairLosses: number[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const [c, o] = pairs[i]!;
      const negatives = negativeSamples(p, k);
      pairLosses.push(negativeSamplingLoss(V, U, c, o, negatives));
      const g = negativeSamplingGradients(V, U, c, o, negatives);
      const nextV = V.add(g.dV.mul(-learningRate)) as tf.Tensor2D;
      const nextU = U.add(g.dU.mul(-learningRate)) as tf.Tensor2D;
      tf.dispose([V, U, g.dV, g.dU]);
      V = nextV;
      U = nextU;
    }
    losses.push(pairLosses.reduce((a, b) => a + b, 0) / pairLosses.length);
  }
  return { V, U, losses };
}

export const alternative = { style: 'reordered', fns: ['trainWord2vec'] };
