/**
 * Correct alternative: the reference's functions, but negativeSamplingGradients
 * by tf.grads of the loss written with tf.logSigmoid and a broadcast product
 * (the negatives' scores as Σ_d u_n·v_c over [k, d] against [1, d]), as a
 * learner who lets autodiff do the backward pass writes it. Two TensorFlow.js
 * bugs made this throw (logSigmoid's gradient through a non-leaf, and the
 * broadcast gradient at k = 0); graders/engine/sandbox/tf-entry.ts fixes them.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { wordCounts } from '../../../../../lib/datasets/word2vec-corpus';

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
  // The loss differentiated by TensorFlow.js: −log σ(u_o·v_c) − Σ log σ(−u_n·v_c), the negatives' scores by
  // broadcasting v_c ([1, d]) against their rows ([k, d]; [0, d] when k = 0).
  const [dV, dU] = tf.grads((v: tf.Tensor, u: tf.Tensor) => {
    const vc = tf.gather(v, [centre]);
    const positive = tf.sum(tf.mul(tf.gather(u, [context]), vc));
    const negative = tf.sum(tf.mul(tf.gather(u, negatives), vc), 1);
    return tf.add(tf.neg(tf.logSigmoid(positive)), tf.neg(tf.sum(tf.logSigmoid(tf.neg(negative))))) as tf.Scalar;
  })([V, U]);
  return { dV: dV as tf.Tensor2D, dU: dU as tf.Tensor2D };
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

export const alternative = {
  style: 'autodiff',
  fns: ['negativeSamplingGradients'],
};
