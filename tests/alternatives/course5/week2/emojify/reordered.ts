/**
 * Correct alternative, vectorised but rearranged: the average as the sum of the
 * vectors each divided by the count first (divide before sum), found words by
 * a regular expression; z as the row avgᵀ·Wᵀ (tf.matMul with transposeB), the
 * cost in log-sum-exp form −(z_y − logΣexp z), dW = dz·avgᵀ as a [nY, 1]·[1, nH]
 * product; W drawn as a flat randn(nY·nH) (the same stream) and scaled by
 * 1/√nH, the updates written W + (−lr)·dW with tf.addN; int32 index rows built
 * with flatMap; the embedding matrix stacked row by row in index order and the
 * layer frozen by setting `trainable = false` after creating it; emojifyV2 with
 * the softmax folded into the Dense layer (activation: 'softmax').
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import {
  convertToOneHot,
  describeEmbeddingLayer,
  describeEmojifyV2,
  predict,
  type EmbeddingLayerReport,
  type EmojifyV2Report,
  type WordVectors,
} from '../../../../../lib/emojify-utils';

export { labelToEmoji, predict, readCsv, readWordVectors } from '../../../../../lib/emojify-utils';

const tokens = (sentence: string) => sentence.toLowerCase().match(/\S+/g) ?? [];

export function sentenceToAvg(sentence: string, wordToVecMap: WordVectors): tf.Tensor1D {
  const found = tokens(sentence).filter((w) => Object.prototype.hasOwnProperty.call(wordToVecMap, w));
  if (found.length === 0) {
    const anyVec = Object.values(wordToVecMap)[0]!;
    return tf.zerosLike(anyVec);
  }
  const n = found.length;
  return tf.tidy(() => found.map((w) => tf.div(wordToVecMap[w]!, n)).reduce((acc, v) => tf.add(acc, v)) as tf.Tensor1D);
}

export function forwardBackward(avg: tf.Tensor1D, yOh: tf.Tensor1D, W: tf.Tensor2D, b: tf.Tensor1D) {
  const nY = W.shape[0];
  const nH = W.shape[1];
  const row = tf.reshape(avg, [1, nH]);
  const z = tf.add(tf.reshape(tf.matMul(row, W, false, true), [nY]), b) as tf.Tensor1D;
  const zMax = tf.max(z);
  const lse = tf.add(zMax, tf.log(tf.sum(tf.exp(tf.sub(z, zMax)))));
  const a = tf.exp(tf.sub(z, lse)) as tf.Tensor1D;
  const cost = tf.sub(tf.mul(tf.sum(yOh), lse), tf.sum(tf.mul(yOh, z))).dataSync()[0]!;
  const dz = tf.sub(a, yOh) as tf.Tensor1D;
  const dW = tf.matMul(tf.reshape(dz, [nY, 1]), row) as tf.Tensor2D;
  return { a, cost, dW, db: dz };
}

export function model(
  X: string[],
  Y: number[],
  wordToVecMap: WordVectors,
  learningRate = 0.01,
  numIterations = 400,
): [pred: number[], W: tf.Tensor2D, b: tf.Tensor1D] {
  np.random.seed(1);
  const classCount = [...new Set(Y)].length;
  const vecLen = Object.values(wordToVecMap)[0]!.size;
  let weights = tf.mul(tf.tensor(np.random.randn(classCount * vecLen)), 1 / Math.sqrt(vecLen)).reshape([classCount, vecLen]) as tf.Tensor2D;
  let bias = tf.zeros([classCount]) as tf.Tensor1D;
  const targets = convertToOneHot(Y, classCount);
  const step = -learningRate;
  for (let epoch = 0; epoch < numIterations; epoch++) {
    let epochCost = 0;
    X.forEach((sentence, i) => {
      const next = tf.tidy(() => {
        const yOh = tf.squeeze(tf.slice(targets, [i, 0], [1, classCount])) as tf.Tensor1D;
        const out = forwardBackward(sentenceToAvg(sentence, wordToVecMap), yOh, weights, bias);
        epochCost += out.cost;
        return [tf.addN([weights, tf.mul(out.dW, step)]), tf.addN([bias, tf.mul(out.db, step)])];
      });
      tf.dispose([weights, bias]);
      weights = next[0] as tf.Tensor2D;
      bias = next[1] as tf.Tensor1D;
    });
    if (epoch % 100 === 0) {
      console.log(`Epoch: ${epoch} --- cost = ${epochCost.toFixed(6)}`);
      predict(X, Y, weights, bias, wordToVecMap);
    }
  }
  return [predict(X, null, weights, bias, wordToVecMap), weights, bias];
}

export function sentencesToIndices(X: string[], wordToIndex: Record<string, number>, maxLen: number): tf.Tensor2D {
  const flat = X.flatMap((s) => {
    const ix = tokens(s).map((w) => wordToIndex[w]!);
    return ix.concat(new Array<number>(maxLen - ix.length).fill(0));
  });
  return tf.tensor2d(flat, [X.length, maxLen], 'int32');
}

export function pretrainedEmbeddingLayer(wordToVecMap: WordVectors, wordToIndex: Record<string, number>): tf.layers.Layer {
  const byIndex = Object.entries(wordToIndex).sort((p, q) => p[1] - q[1]);
  const embDim = Object.values(wordToVecMap)[0]!.shape[0];
  const vocabLen = byIndex.length + 1;
  const rows: tf.Tensor1D[] = new Array(vocabLen).fill(null).map(() => tf.zeros([embDim]) as tf.Tensor1D);
  for (const [w, i] of byIndex) rows[i] = wordToVecMap[w]!;
  const matrix = tf.stack(rows) as tf.Tensor2D;
  const layer = tf.layers.embedding({ inputDim: vocabLen, outputDim: embDim, weights: [matrix] });
  layer.trainable = false;
  return layer;
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
  const indices = tf.input({ dtype: 'int32', shape: inputShape });
  const embedded = pretrainedEmbeddingLayer(wordToVecMap, wordToIndex).apply(indices) as tf.SymbolicTensor;
  const seq = tf.layers.lstm({ returnSequences: true, units: lstmUnits }).apply(embedded) as tf.SymbolicTensor;
  const seqDropped = tf.layers.dropout({ rate: 0.5 }).apply(seq) as tf.SymbolicTensor;
  const last = tf.layers.lstm({ units: lstmUnits }).apply(seqDropped) as tf.SymbolicTensor;
  const lastDropped = tf.layers.dropout({ rate: 0.5 }).apply(last) as tf.SymbolicTensor;
  const probs = tf.layers.dense({ units: 5, activation: 'softmax' }).apply(lastDropped) as tf.SymbolicTensor;
  return tf.model({ inputs: indices, outputs: probs });
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
  style: 'reordered',
  fns: ['sentenceToAvg', 'forwardBackward', 'model', 'sentencesToIndices', 'pretrainedEmbeddingLayer', 'emojifyV2'],
};
