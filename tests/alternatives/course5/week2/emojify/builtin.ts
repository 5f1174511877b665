/**
 * Correct alternative with TensorFlow.js built-ins: the average with tf.gather
 * and tf.mean; a with tf.softmax, the cost with tf.losses.softmaxCrossEntropy on
 * the logits and dW, db with tf.grads of that cost; training with tf.variable
 * W, b and tf.train.sgd's minimize (one step per sentence, the same update);
 * the index rows in a tf.buffer; the embedding matrix by tf.scatterND; emojifyV2
 * as a tf.sequential model with an int32 input layer and a tf.layers.softmax
 * layer at the end.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import {
  describeEmbeddingLayer,
  describeEmojifyV2,
  predict,
  type EmbeddingLayerReport,
  type EmojifyV2Report,
  type WordVectors,
} from '../../../../../lib/emojify-utils';

export { labelToEmoji, predict, readCsv, readWordVectors } from '../../../../../lib/emojify-utils';

export function sentenceToAvg(sentence: string, wordToVecMap: WordVectors): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = Object.keys(wordToVecMap);
    const table = tf.stack(vocab.map((w) => wordToVecMap[w]!)) as tf.Tensor2D;
    const position = new Map(vocab.map((w, i) => [w, i]));
    const hits = sentence
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => position.has(w))
      .map((w) => position.get(w)!);
    if (hits.length === 0) return tf.zeros([table.shape[1]]) as tf.Tensor1D;
    return tf.mean(tf.gather(table, tf.tensor1d(hits, 'int32')), 0) as tf.Tensor1D;
  });
}

const costOf = (avg: tf.Tensor1D, yOh: tf.Tensor1D) => (W: tf.Tensor, b: tf.Tensor) => {
  const logits = tf.add(tf.matMul(W, tf.expandDims(avg, 1)).squeeze([1]), b);
  return tf.losses.softmaxCrossEntropy(tf.expandDims(yOh, 0), tf.expandDims(logits, 0)) as tf.Scalar;
};

export function forwardBackward(avg: tf.Tensor1D, yOh: tf.Tensor1D, W: tf.Tensor2D, b: tf.Tensor1D) {
  const a = tf.softmax(tf.add(tf.matMul(W, tf.expandDims(avg, 1)).squeeze([1]), b)) as tf.Tensor1D;
  const f = costOf(avg, yOh);
  const cost = f(W, b).dataSync()[0]!;
  const [dW, db] = tf.grads(f)([W, b]) as [tf.Tensor2D, tf.Tensor1D];
  return { a, cost, dW, db };
}

export function model(
  X: string[],
  Y: number[],
  wordToVecMap: WordVectors,
  learningRate = 0.01,
  numIterations = 400,
): [pred: number[], W: tf.Tensor2D, b: tf.Tensor1D] {
  np.random.seed(1);
  const nY = new Set(Y).size;
  const nH = Object.values(wordToVecMap)[0]!.shape[0];
  const W = tf.variable(tf.div(tf.tensor2d(np.random.randn(nY, nH), [nY, nH]), tf.sqrt(tf.scalar(nH))));
  const b = tf.variable(tf.zeros([nY]));
  const avgs = X.map((s) => sentenceToAvg(s, wordToVecMap));
  const Yoh = tf.unstack(tf.oneHot(tf.tensor1d(Y, 'int32'), nY).toFloat()) as tf.Tensor1D[];
  const optimizer = tf.train.sgd(learningRate);
  for (let t = 0; t < numIterations; t++) {
    let cost = 0;
    for (let i = 0; i < X.length; i++) {
      const f = costOf(avgs[i]!, Yoh[i]!);
      const c = optimizer.minimize(() => f(W, b), true, [W, b])!;
      cost += c.dataSync()[0]!;
      c.dispose();
    }
    if (t % 100 === 0) {
      console.log(`Epoch: ${t} --- cost = ${cost.toFixed(6)}`);
      predict(X, Y, W as tf.Tensor2D, b as tf.Tensor1D, wordToVecMap);
    }
  }
  const Wf = W.clone() as tf.Tensor2D;
  const bf = b.clone() as tf.Tensor1D;
  return [predict(X, null, Wf, bf, wordToVecMap), Wf, bf];
}

export function sentencesToIndices(X: string[], wordToIndex: Record<string, number>, maxLen: number): tf.Tensor2D {
  const buf = tf.buffer([X.length, maxLen], 'float32');
  X.forEach((s, i) =>
    s
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .forEach((w, j) => buf.set(wordToIndex[w]!, i, j)),
  );
  return buf.toTensor() as tf.Tensor2D;
}

export function pretrainedEmbeddingLayer(wordToVecMap: WordVectors, wordToIndex: Record<string, number>): tf.layers.Layer {
  const words = Object.keys(wordToIndex);
  const embDim = Object.values(wordToVecMap)[0]!.shape[0];
  const matrix = tf.scatterND(
    tf.tensor2d(words.map((w) => [wordToIndex[w]!]), [words.length, 1], 'int32'),
    tf.stack(words.map((w) => wordToVecMap[w]!)),
    [words.length + 1, embDim],
  ) as tf.Tensor2D;
  return tf.layers.embedding({ inputDim: words.length + 1, outputDim: embDim, weights: [matrix], trainable: false });
}

export function embeddingLayerReport(
  wordToVecMap: WordVectors,
  wordToIndex: Record<string, number>,
  indices: tf.Tensor2D,
  labels: number[],
): EmbeddingLayerReport {
  return describeEmbeddingLayer(pretrainedEmbeddingLayer(wordToVecMap, wordToIndex), indices, labels);
}

export function emojifyV2(inputShape: number[], wordToVecMap: WordVectors, wordToIndex: Record<string, number>, lstmUnits = 128): tf.LayersModel {
  const net = tf.sequential();
  net.add(tf.layers.inputLayer({ inputShape, dtype: 'int32' }));
  net.add(pretrainedEmbeddingLayer(wordToVecMap, wordToIndex));
  net.add(tf.layers.lstm({ units: lstmUnits, returnSequences: true }));
  net.add(tf.layers.dropout({ rate: 0.5 }));
  net.add(tf.layers.lstm({ units: lstmUnits, returnSequences: false }));
  net.add(tf.layers.dropout({ rate: 0.5 }));
  net.add(tf.layers.dense({ units: 5 }));
  net.add(tf.layers.softmax());
  return net;
}

export function emojifyV2Report(
  maxLen: number,
  wordToVecMap: WordVectors,
  wordToIndex: Record<string, number>,
  indices: tf.Tensor2D,
  labels: number[],
  lstmUnits: number,
  steps: number,
  seed: number,
): EmojifyV2Report {
  return describeEmojifyV2(() => emojifyV2([maxLen], wordToVecMap, wordToIndex, lstmUnits), indices, labels, { seed, steps, learningRate: 0.02 });
}

export function emojifyV2Outputs(
  maxLen: number,
  wordToVecMap: WordVectors,
  wordToIndex: Record<string, number>,
  indices: tf.Tensor2D,
  lstmUnits: number,
  seed: number,
): tf.Tensor2D {
  const report = emojifyV2Report(maxLen, wordToVecMap, wordToIndex, indices, [], lstmUnits, 0, seed);
  if (!report.probs) throw new Error(report.error ?? 'the model gave no output');
  return report.probs;
}

export const alternative = {
  style: 'builtin',
  fns: ['sentenceToAvg', 'forwardBackward', 'model', 'sentencesToIndices', 'pretrainedEmbeddingLayer', 'emojifyV2'],
};
