/**
 * Correct alternative with TensorFlow.js built-ins: the noise distribution with
 * tf.pow and tf.sum (float32); the loss as tf.losses.sigmoidCrossEntropy with
 * labels [1, 0, …, 0] summed; the gradients by tf.grads of that loss; training
 * with tf.variable embeddings and tf.train.sgd's minimize. Pairs are built in a
 * preallocated Int32Array.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { wordCounts } from '../../../../../lib/datasets/word2vec-corpus';

export function skipGramPairs(corpus: number[], windowSize: number): [number, number][] {
  const T = corpus.length;
  const buf = new Int32Array(2 * T * 2 * windowSize);
  let n = 0;
  for (let t = 0; t < T; t++) {
    for (let j = Math.max(0, t - windowSize); j < Math.min(T, t + windowSize + 1); j++) {
      if (j === t) continue;
      buf[2 * n] = corpus[t]!;
      buf[2 * n + 1] = corpus[j]!;
      n++;
    }
  }
  return Array.from({ length: n }, (_, i): [number, number] => [buf[2 * i]!, buf[2 * i + 1]!]);
}

export function unigramDistribution(counts: number[], power = 0.75): number[] {
  return tf.tidy(() => {
    const w = tf.pow(tf.tensor1d(counts), power);
    return Array.from(tf.div(w, tf.sum(w)).dataSync());
  });
}

export function negativeSamples(p: number[], k: number, seed?: number): number[] {
  if (seed !== undefined) np.random.seed(seed);
  const draws: number[] = [];
  while (draws.length < k) draws.push(np.random.choice(p.length, { p }));
  return draws;
}

function pairLoss(V: tf.Tensor, U: tf.Tensor, centre: number, context: number, negatives: number[]): tf.Scalar {
  const vc = tf.gather(V, [centre]); // [1, d]
  const rows = tf.gather(U, [context, ...negatives]); // [k + 1, d]
  const logits = tf.reshape(tf.matMul(rows as tf.Tensor2D, vc as tf.Tensor2D, false, true), [-1]);
  const labels = tf.tensor1d([1, ...negatives.map(() => 0)]);
  return tf.losses.sigmoidCrossEntropy(labels, logits, undefined, 0, tf.Reduction.SUM) as tf.Scalar;
}

export function negativeSamplingLoss(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): number {
  return tf.tidy(() => pairLoss(V, U, centre, context, negatives).dataSync()[0]!);
}

export function negativeSamplingGradients(V: tf.Tensor2D, U: tf.Tensor2D, centre: number, context: number, negatives: number[]): { dV: tf.Tensor2D; dU: tf.Tensor2D } {
  return tf.tidy(() => {
    const [dV, dU] = tf.grads((v: tf.Tensor, u: tf.Tensor) => pairLoss(v, u, centre, context, negatives))([V, U]);
    return { dV: dV as tf.Tensor2D, dU: dU as tf.Tensor2D };
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
  const V = tf.variable(tf.mul(tf.tensor2d(np.random.randn(vocabSize, embeddingDim), [vocabSize, embeddingDim]), 0.1));
  const U = tf.variable(tf.mul(tf.tensor2d(np.random.randn(vocabSize, embeddingDim), [vocabSize, embeddingDim]), 0.1));
  const p = unigramDistribution(wordCounts(corpus, vocabSize));
  const pairs = skipGramPairs(corpus, windowSize);
  const optimizer = tf.train.sgd(learningRate);
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    let sum = 0;
    for (const [c, o] of pairs) {
      const neg = negativeSamples(p, k);
      const cost = optimizer.minimize(() => pairLoss(V, U, c, o, neg), true, [V, U])!;
      sum += cost.dataSync()[0]!;
      cost.dispose();
    }
    losses.push(sum / pairs.length);
  }
  optimizer.dispose();
  const out = { V: tf.clone(V) as tf.Tensor2D, U: tf.clone(U) as tf.Tensor2D, losses };
  V.dispose();
  U.dispose();
  return out;
}

export const alternative = {
  style: 'builtin',
  fns: ['skipGramPairs', 'unigramDistribution', 'negativeSamples', 'negativeSamplingLoss', 'negativeSamplingGradients', 'trainWord2vec'],
};
