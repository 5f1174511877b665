/**
 * Correct alternative, course style: embeddings read with arraySync(), scores,
 * the loss, the gradients and the SGD updates in plain JavaScript loops
 * (float64); tensors built with tf.tensor at the end.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { wordCounts } from '../../../../../lib/datasets/word2vec-corpus';

type M = number[][];
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
/** log σ(z), stable for large |z|. */
const logSigma = (z: number) => (z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z)));
const dotp = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

export function skipGramPairs(corpus: number[], windowSize: number): [number, number][] {
  const out: [number, number][] = [];
  corpus.forEach((centre, t) => {
    for (let off = -windowSize; off <= windowSize; off++) {
      const j = t + off;
      if (off === 0 || j < 0 || j >= corpus.length) continue;
      out.push([centre, corpus[j]!]);
    }
  });
  return out;
}

export function unigramDistribution(counts: number[], power = 0.75): number[] {
  let total = 0;
  const w: number[] = [];
  for (const c of counts) {
    const x = Math.pow(c, power);
    w.push(x);
    total += x;
  }
  for (let i = 0; i < w.length; i++) w[i]! /= total;
  return w;
}

export function negativeSamples(p: number[], k: number, seed?: number): number[] {
  if (typeof seed === 'number') np.random.seed(seed);
  return Array.from({ length: k }, () => np.random.choice(p.length, { p }));
}

function lossOf(V: M, U: M, centre: number, context: number, negatives: number[]): number {
  const vc = V[centre]!;
  let L = -logSigma(dotp(U[context]!, vc));
  for (const n of negatives) L -= logSigma(-dotp(U[n]!, vc));
  return L;
}

/** dV and dU as nested arrays (zero outside the rows used). */
function gradsOf(V: M, U: M, centre: number, context: number, negatives: number[]): { dV: M; dU: M } {
  const d = V[0]!.length;
  const dV = V.map(() => new Array<number>(d).fill(0));
  const dU = U.map(() => new Array<number>(d).fill(0));
  const vc = V[centre]!;
  const rows = [context, ...negatives];
  rows.forEach((w, idx) => {
    const coef = sigma(dotp(U[w]!, vc)) - (idx === 0 ? 1 : 0);
    for (let j = 0; j < d; j++) {
      dV[centre]![j]! += coef * U[w]![j]!;
      dU[w]![j]! += coef * vc[j]!;
    }
  });
  return { dV, dU };
}

export function negativeSamplingLoss(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): number {
  return lossOf(V.arraySync(), U.arraySync(), centre, context, negatives);
}

export function negativeSamplingGradients(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): { dV: tf.Tensor2D; dU: tf.Tensor2D } {
  const { dV, dU } = gradsOf(V.arraySync(), U.arraySync(), centre, context, negatives);
  return { dV: tf.tensor2d(dV, V.shape), dU: tf.tensor2d(dU, U.shape) };
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
  const init = (): M => {
    const flat = np.random.randn(vocabSize, embeddingDim);
    return Array.from({ length: vocabSize }, (_, i) => flat.slice(i * embeddingDim, (i + 1) * embeddingDim).map((x) => 0.1 * x));
  };
  const V = init();
  const U = init();
  const p = unigramDistribution(wordCounts(corpus, vocabSize));
  const pairs = skipGramPairs(corpus, windowSize);
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    let sum = 0;
    for (const [c, o] of pairs) {
      const neg = negativeSamples(p, k);
      sum += lossOf(V, U, c, o, neg);
      // Gradients at the current V and U, then both updated.
      const vc = V[c]!.slice();
      const dvc = new Array<number>(embeddingDim).fill(0);
      const rows = [o, ...neg];
      const coefs = rows.map((w, idx) => sigma(dotp(U[w]!, vc)) - (idx === 0 ? 1 : 0));
      rows.forEach((w, idx) => {
        for (let j = 0; j < embeddingDim; j++) dvc[j]! += coefs[idx]! * U[w]![j]!;
      });
      rows.forEach((w, idx) => {
        for (let j = 0; j < embeddingDim; j++) U[w]![j]! -= learningRate * coefs[idx]! * vc[j]!;
      });
      for (let j = 0; j < embeddingDim; j++) V[c]![j]! -= learningRate * dvc[j]!;
    }
    losses.push(sum / pairs.length);
  }
  return { V: tf.tensor2d(V, [vocabSize, embeddingDim]), U: tf.tensor2d(U, [vocabSize, embeddingDim]), losses };
}

export const alternative = {
  style: 'loops',
  fns: ['skipGramPairs', 'unigramDistribution', 'negativeSamples', 'negativeSamplingLoss', 'negativeSamplingGradients', 'trainWord2vec'],
};
