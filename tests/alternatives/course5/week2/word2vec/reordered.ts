/**
 * Correct alternative, vectorised but rearranged: pairs built with flatMap over
 * offsets; the loss as softplus(−s_o) + Σ softplus(s_n) (−log σ(z) = softplus(−z));
 * gradients with σ(−s_o) on the context row and tf.unsortedSegmentSum to add
 * the rows' contributions into the vocabulary (repeats add up); training with
 * the update written as V + (−lr)·dV.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { wordCounts } from '../../../../../lib/datasets/word2vec-corpus';

export function skipGramPairs(corpus: number[], windowSize: number): [number, number][] {
  const offsets = Array.from({ length: 2 * windowSize + 1 }, (_, i) => i - windowSize).filter((o) => o !== 0);
  return corpus.flatMap((c, t) => offsets.filter((o) => t + o >= 0 && t + o < corpus.length).map((o): [number, number] => [c, corpus[t + o]!]));
}

export function unigramDistribution(counts: number[], power = 0.75): number[] {
  const total = counts.reduce((s, c) => s + Math.exp(power * Math.log(c)) * (c > 0 ? 1 : 0), 0);
  return counts.map((c) => (c > 0 ? Math.exp(power * Math.log(c)) : 0) / total);
}

export function negativeSamples(p: number[], k: number, seed?: number): number[] {
  if (seed != null) np.random.seed(seed);
  const out = new Array<number>(k);
  for (let i = 0; i < k; i++) out[i] = np.random.choice<number>(p.length, { p });
  return out;
}

function scores(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, words: number[]) {
  const vc = tf.squeeze(tf.slice(V, [centre, 0], [1, -1])) as tf.Tensor1D; // [d]
  const rows = tf.gather(U, tf.tensor1d(words, 'int32')) as tf.Tensor2D; // [n, d]
  return { vc, rows, s: tf.sum(tf.mul(rows, vc), 1) as tf.Tensor1D };
}

export function negativeSamplingLoss(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): number {
  return tf.tidy(() => {
    const { s } = scores(V, U, centre, [context, ...negatives]);
    const [so, sn] = [tf.slice(s, [0], [1]), tf.slice(s, [1], [negatives.length])];
    return (tf.add(tf.sum(tf.softplus(tf.neg(so))), tf.sum(tf.softplus(sn))).arraySync() as number);
  });
}

export function negativeSamplingGradients(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): { dV: tf.Tensor2D; dU: tf.Tensor2D } {
  return tf.tidy(() => {
    const vocab = V.shape[0];
    const words = [context, ...negatives];
    const { vc, rows, s } = scores(V, U, centre, words);
    // context: σ(s_o) − 1 = −σ(−s_o); negatives: σ(s_n)
    const isContext = tf.tensor1d(words.map((_, i) => (i === 0 ? 1 : 0)));
    const coef = tf.where(tf.cast(isContext, 'bool'), tf.neg(tf.sigmoid(tf.neg(s))), tf.sigmoid(s)) as tf.Tensor1D;
    const dvc = tf.sum(tf.mul(tf.expandDims(coef, 1), rows), 0, true); // [1, d]
    const dRows = tf.outerProduct(coef, vc); // [n, d]
    return {
      dV: tf.unsortedSegmentSum(dvc, tf.tensor1d([centre], 'int32'), vocab) as tf.Tensor2D,
      dU: tf.unsortedSegmentSum(dRows, tf.tensor1d(words, 'int32'), vocab) as tf.Tensor2D,
    };
  });
}

export function trainWord2vec(
  corpus: number[],
  vocabSize: number,
  embeddingDim = 10,
  windowSize = 2,
  k = 5,
  learningRate = 0.05,
  epochs = 5,
  seed = 1,
): { V: tf.Tensor2D; U: tf.Tensor2D; losses: number[] } {
  np.random.seed(seed);
  const Vinit = np.random.randn(vocabSize, embeddingDim);
  const Uinit = np.random.randn(vocabSize, embeddingDim);
  let V = tf.tensor2d(Vinit.map((x) => x / 10), [vocabSize, embeddingDim]);
  let U = tf.tensor2d(Uinit.map((x) => x / 10), [vocabSize, embeddingDim]);
  const noise = unigramDistribution(wordCounts(corpus, vocabSize));
  const pairs = skipGramPairs(corpus, windowSize);
  const losses = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const epochLosses: number[] = [];
    for (const [centre, context] of pairs) {
      const neg = negativeSamples(noise, k);
      epochLosses.push(negativeSamplingLoss(V, U, centre, context, neg));
      const g = negativeSamplingGradients(V, U, centre, context, neg);
      const V2 = tf.add(V, tf.mul(g.dV, -learningRate)) as tf.Tensor2D;
      const U2 = tf.add(U, tf.mul(g.dU, -learningRate)) as tf.Tensor2D;
      tf.dispose([V, U, g.dV, g.dU]);
      V = V2;
      U = U2;
    }
    losses.push(epochLosses.reduce((a, b) => a + b, 0) / epochLosses.length);
  }
  return { V, U, losses };
}

export const alternative = {
  style: 'reordered',
  fns: ['skipGramPairs', 'unigramDistribution', 'negativeSamples', 'negativeSamplingLoss', 'negativeSamplingGradients', 'trainWord2vec'],
};
