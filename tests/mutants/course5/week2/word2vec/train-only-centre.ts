import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { wordCounts } from '../../../../../lib/datasets/word2vec-corpus';
import { negativeSamples, negativeSamplingGradients, negativeSamplingLoss, skipGramPairs, unigramDistribution, type Word2vecResult } from '../../../../../solutions/course5/week2/word2vec';
export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'trainWord2vec', hint: 'Only the centre vectors are updated: after every pair update U too, U = U − learningRate·dU.' };

export function trainWord2vec(corpus: number[], vocabSize: number, embeddingDim = 10, windowSize = 2, k = 5, learningRate = 0.05, epochs = 5, seed = 1): Word2vecResult {
  np.random.seed(seed);
  let V = tf.mul(tf.tensor2d(np.random.randn(vocabSize, embeddingDim), [vocabSize, embeddingDim]), 0.1) as tf.Tensor2D;
  const U = tf.mul(tf.tensor2d(np.random.randn(vocabSize, embeddingDim), [vocabSize, embeddingDim]), 0.1) as tf.Tensor2D;
  const p = unigramDistribution(wordCounts(corpus, vocabSize));
  const pairs = skipGramPairs(corpus, windowSize);
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    let total = 0;
    for (const [c, o] of pairs) {
      const negatives = negativeSamples(p, k);
      total += negativeSamplingLoss(V, U, c, o, negatives);
      const { dV } = negativeSamplingGradients(V, U, c, o, negatives);
      V = tf.sub(V, tf.mul(dV, learningRate));
    }
    losses.push(total / pairs.length);
  }
  return { V, U, losses };
}
