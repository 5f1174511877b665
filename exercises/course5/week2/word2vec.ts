/**
 * Sequence models, week 2 — Word2vec with negative sampling.
 * Read word2vec.md first. Grade your work with: npm run grade -- course5/week2/word2vec
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 *
 * Words are indices 0 … vocabSize − 1. Two embedding matrices, one row per
 * word: V [vocabSize, d] holds the centre vectors v_c, U [vocabSize, d] the
 * context vectors u_o. A (centre c, context o) pair with negatives n_1 … n_k is
 * k + 1 small logistic regressions: "is this word a real context of c?" — yes
 * for o, no for each negative. Its loss is
 *   L = −log σ(u_o·v_c) − Σ_i log σ(−u_{n_i}·v_c).
 * The corpus helpers (plantedCorpus, wordCounts) are in lib/datasets/word2vec-corpus.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';
import { np } from '../../../lib/np-random';
import { wordCounts } from '../../../lib/datasets/word2vec-corpus';

/**
 * Every (centre, context) pair of the corpus, as [centre word, context word].
 * For each position t in order, the context positions j go from t − windowSize
 * to t + windowSize, left to right, staying inside the corpus and skipping j = t
 * (a word is not its own context; the same word at another position is).
 * The training loop visits the pairs in this order.
 */
export function skipGramPairs(corpus: number[], windowSize: number): [number, number][] {
  return notImplemented('skipGramPairs');
}

/**
 * The distribution negatives are drawn from: each count raised to `power` (¾
 * by default, which flattens the distribution so frequent words are drawn a
 * little less and rare ones a little more), divided by the total so the
 * probabilities sum to 1. Plain numbers in, plain numbers out.
 */
export function unigramDistribution(counts: number[], power = 0.75): number[] {
  return notImplemented('unigramDistribution');
}

/**
 * k negative words drawn independently, with replacement, from the
 * distribution p: one np.random.choice(p.length, { p }) per negative. When
 * `seed` is given, call np.random.seed(seed) once before drawing; without it,
 * draw from the stream as it is (the training loop seeds once at the start).
 * A negative may repeat, and may even be the context word: that is allowed.
 */
export function negativeSamples(p: number[], k: number, seed?: number): number[] {
  return notImplemented('negativeSamples');
}

/**
 * The loss of one pair, a number:
 *   L = −log σ(u_o·v_c) − Σ_i log σ(−u_{n_i}·v_c),
 * with v_c = row `centre` of V, u_o = row `context` of U and u_{n_i} = row
 * negatives[i] of U. A sum over the negatives (no mean). tf.gather picks rows;
 * tf.logSigmoid computes log σ without overflow.
 */
export function negativeSamplingLoss(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): number {
  return notImplemented('negativeSamplingLoss');
}

export type EmbeddingGradients = { dV: tf.Tensor2D; dU: tf.Tensor2D };

/**
 * The gradients of negativeSamplingLoss with respect to V and U, each of
 * V's (and U's) shape [vocabSize, d], zero in every row the pair does not use.
 * With the scores s_o = u_o·v_c and s_i = u_{n_i}·v_c:
 *   dV[c]     = (σ(s_o) − 1)·u_o + Σ_i σ(s_i)·u_{n_i}
 *   dU[o]    += (σ(s_o) − 1)·v_c
 *   dU[n_i]  += σ(s_i)·v_c        for every negative
 * "+=": a word drawn twice as a negative, or equal to the context, gets the sum
 * of its contributions.
 */
export function negativeSamplingGradients(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): EmbeddingGradients {
  return notImplemented('negativeSamplingGradients');
}

export type Word2vecResult = { V: tf.Tensor2D; U: tf.Tensor2D; losses: number[] };

/**
 * Skip-gram with negative sampling, trained by stochastic gradient descent:
 * 1. np.random.seed(seed); V = 0.1·np.random.randn(vocabSize, d), then
 *    U = 0.1·np.random.randn(vocabSize, d) (d = embeddingDim);
 * 2. p = unigramDistribution(wordCounts(corpus, vocabSize)); the pairs are
 *    skipGramPairs(corpus, windowSize);
 * 3. for each epoch, for each pair in order: draw k negatives with
 *    negativeSamples(p, k) (no seed), compute the loss and the gradients at the
 *    current V and U, then V = V − learningRate·dV and U = U − learningRate·dU.
 * losses[e] is the mean loss of the pairs of epoch e (each computed before its update).
 */
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
  return notImplemented('trainWord2vec');
}
