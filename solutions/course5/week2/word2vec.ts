/**
 * Course 5, week 2 — Word2vec with negative sampling. Reference solution.
 *
 * Words are indices 0 … vocabSize − 1. Two embedding matrices, one row per
 * word: V [vocabSize, d] (centre vectors v_c) and U [vocabSize, d] (context
 * vectors u_o). One (centre c, context o) pair with negatives n_1 … n_k is k + 1
 * logistic regressions: L = −log σ(u_o·v_c) − Σ_i log σ(−u_{n_i}·v_c).
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';
import { wordCounts } from '../../../lib/datasets/word2vec-corpus';

/**
 * Every (centre, context) pair of the corpus: for each position t in order, the
 * words at positions t − windowSize … t + windowSize (left to right, inside the
 * corpus, t itself excluded), as [corpus[t], corpus[j]].
 */
export function skipGramPairs(corpus: number[], windowSize: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let t = 0; t < corpus.length; t++) {
    const last = Math.min(corpus.length - 1, t + windowSize);
    for (let j = Math.max(0, t - windowSize); j <= last; j++) {
      if (j !== t) pairs.push([corpus[t]!, corpus[j]!]);
    }
  }
  return pairs;
}

/** The noise distribution: counts raised to `power`, normalised to sum to 1 (plain numbers). */
export function unigramDistribution(counts: number[], power = 0.75): number[] {
  const weights = counts.map((c) => c ** power);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/**
 * k negative words drawn independently, with replacement, from p:
 * np.random.choice(p.length, { p }) k times. A negative may repeat, and may be
 * the context (or the centre) word. When seed is given, np.random.seed(seed) first.
 */
export function negativeSamples(p: number[], k: number, seed?: number): number[] {
  if (seed !== undefined) np.random.seed(seed);
  const negatives: number[] = [];
  for (let i = 0; i < k; i++) negatives.push(np.random.choice(p.length, { p }));
  return negatives;
}

/** The rows U[context], U[n_1] … U[n_k] and their labels' signs (+1, then −1 for each negative). */
function scoredRows(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]) {
  const vc = tf.gather(V, [centre]) as tf.Tensor2D; // [1, d]
  const rows = tf.gather(U, [context, ...negatives]) as tf.Tensor2D; // [k + 1, d]
  const scores = tf.reshape(tf.matMul(rows, vc, false, true), [-1]) as tf.Tensor1D; // u·v_c, [k + 1]
  return { vc, rows, scores };
}

/** L = −log σ(u_o·v_c) − Σ_i log σ(−u_{n_i}·v_c), a number. */
export function negativeSamplingLoss(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): number {
  return tf.tidy(() => {
    const { scores } = scoredRows(V, U, centre, context, negatives);
    const signs = tf.tensor1d([1, ...negatives.map(() => -1)]);
    return -tf.sum(tf.logSigmoid(tf.mul(signs, scores))).dataSync()[0]!;
  });
}

export type EmbeddingGradients = { dV: tf.Tensor2D; dU: tf.Tensor2D };

/**
 * The gradients of negativeSamplingLoss with respect to V and U, each
 * [vocabSize, d] and zero outside the rows the pair uses:
 * dV[c] = (σ(u_o·v_c) − 1)·u_o + Σ_i σ(u_{n_i}·v_c)·u_{n_i},
 * dU[o] += (σ(u_o·v_c) − 1)·v_c, dU[n_i] += σ(u_{n_i}·v_c)·v_c (repeats add up).
 */
export function negativeSamplingGradients(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): EmbeddingGradients {
  return tf.tidy(() => {
    const [vocabSize] = V.shape;
    const { vc, rows, scores } = scoredRows(V, U, centre, context, negatives);
    const labels = tf.tensor1d([1, ...negatives.map(() => 0)]);
    const coef = tf.sub(tf.sigmoid(scores), labels); // σ(score) − label, [k + 1]
    const dvc = tf.matMul(tf.reshape(coef, [1, -1]), rows); // [1, d]
    const dRows = tf.mul(tf.reshape(coef, [-1, 1]), vc); // [k + 1, d]
    // One-hot rows summed by a matrix product: a word used twice gets both contributions.
    const where = (ix: number[]) => tf.oneHot(tf.tensor1d(ix, 'int32'), vocabSize).toFloat();
    return {
      dV: tf.matMul(where([centre]), dvc, true) as tf.Tensor2D,
      dU: tf.matMul(where([context, ...negatives]), dRows, true) as tf.Tensor2D,
    };
  });
}

export type Word2vecResult = { V: tf.Tensor2D; U: tf.Tensor2D; losses: number[] };

/**
 * Skip-gram with negative sampling by stochastic gradient descent.
 * np.random.seed(seed); V = 0.1·randn(vocabSize, d), then U = 0.1·randn(vocabSize, d);
 * p = unigramDistribution(wordCounts(corpus, vocabSize)); for each epoch, for
 * each pair of skipGramPairs(corpus, windowSize) in order: k negatives from
 * negativeSamples(p, k) (no seed: the stream goes on), the loss and gradients
 * at the current V and U, then V −= learningRate·dV and U −= learningRate·dU.
 * losses[e] is the mean loss of the pairs of epoch e.
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
  np.random.seed(seed);
  const init = () => tf.mul(tf.tensor2d(np.random.randn(vocabSize, embeddingDim), [vocabSize, embeddingDim]), 0.1) as tf.Tensor2D;
  let V = init();
  let U = init();
  const p = unigramDistribution(wordCounts(corpus, vocabSize));
  const pairs = skipGramPairs(corpus, windowSize);
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    let total = 0;
    for (const [c, o] of pairs) {
      const negatives = negativeSamples(p, k);
      total += negativeSamplingLoss(V, U, c, o, negatives);
      const { dV, dU } = negativeSamplingGradients(V, U, c, o, negatives);
      const [nextV, nextU] = tf.tidy(() => [tf.sub(V, tf.mul(dV, learningRate)), tf.sub(U, tf.mul(dU, learningRate))] as tf.Tensor2D[]);
      tf.dispose([V, U, dV, dU]);
      [V, U] = [nextV!, nextU!];
    }
    losses.push(total / pairs.length);
  }
  return { V, U, losses };
}
