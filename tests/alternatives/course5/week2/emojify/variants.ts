/**
 * Correct alternative, variants a learner writes: the average as tf.mean of the stacked vectors (the
 * words matched with /\S+/g); a with tf.softmax of W·avg computed as a matrix product on a column, the
 * cost as −log a[label], dW as a column times a row; the update written as W − dW·learningRate without
 * tf.tidy; nY as max(Y) + 1 and the initial W multiplied by 1/√nH; the index rows in an int32 tf.buffer; the
 * embedding layer made first and frozen after (layer.trainable = false); emojifyV2 with the softmax as the
 * Dense layer's activation, a float32 input and the second LSTM's returnSequences left at its default.
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

export type { EmbeddingLayerReport, EmojifyV2Report, WordVectors };
// The course's emo_utils, for your experiments (and the examples in emojify.md).
export { labelToEmoji, predict, readCsv, readWordVectors } from '../../../../../lib/emojify-utils';

/**
 * The average of the vectors of the sentence's words (lower-cased, split on
 * white space) that are in wordToVecMap; a vector of zeros when none is. [nH].
 */
export function sentenceToAvg(sentence: string, wordToVecMap: WordVectors): tf.Tensor1D {
  const nH = Object.values(wordToVecMap)[0]!.shape[0];
  const words = (sentence.toLowerCase().match(/\S+/g) ?? []).filter((w) => w in wordToVecMap);
  if (words.length === 0) return tf.zeros([nH]);
  return tf.mean(tf.stack(words.map((w) => wordToVecMap[w]!)), 0) as tf.Tensor1D;
}

/** What one forward and backward pass on one sentence gives. */
export interface StepResult {
  /** softmax(z), z = W·avg + b: [nY]. */
  a: tf.Tensor1D;
  /** −Σ yOh·log(a). */
  cost: number;
  dW: tf.Tensor2D;
  db: tf.Tensor1D;
}

/**
 * Forward: z = W·avg + b, a = softmax(z), cost = −Σ yOh·log(a).
 * Backward: dz = a − yOh, dW = dz·avgᵀ (an outer product, [nY, nH]), db = dz.
 */
export function forwardBackward(avg: tf.Tensor1D, yOh: tf.Tensor1D, W: tf.Tensor2D, b: tf.Tensor1D): StepResult {
  const a = tf.softmax(tf.add(tf.reshape(tf.matMul(W, tf.reshape(avg, [-1, 1])), [-1]), b)) as tf.Tensor1D;
  const label = tf.argMax(yOh).dataSync()[0]!;
  const cost = -Math.log(a.dataSync()[label]!);
  const dz = tf.sub(a, yOh);
  const dW = tf.matMul(tf.reshape(dz, [-1, 1]), tf.reshape(avg, [1, -1])) as tf.Tensor2D;
  return { a, cost, dW, db: dz as tf.Tensor1D };
}

/**
 * Trains the softmax layer: np.random.seed(1), nY the number of distinct labels,
 * nH the length of the word vectors, W = randn(nY, nH)/√nH, b = 0. Then for each
 * of numIterations epochs, for each sentence in order: its average, a forward and
 * backward pass, and the update W −= learningRate·dW, b −= learningRate·db.
 * Every 100 epochs prints the epoch's summed cost and the accuracy. Returns
 * [pred, W, b], pred the predictions of the final W and b on X.
 */
export function model(
  X: string[],
  Y: number[],
  wordToVecMap: WordVectors,
  learningRate = 0.01,
  numIterations = 400,
): [pred: number[], W: tf.Tensor2D, b: tf.Tensor1D] {
  np.random.seed(1);
  const nY = Math.max(...Y) + 1;
  const nH = Object.values(wordToVecMap)[0]!.shape[0];
  let W = tf.mul(tf.tensor2d(np.random.randn(nY, nH), [nY, nH]), 1 / Math.sqrt(nH)) as tf.Tensor2D;
  let b = tf.zeros([nY]) as tf.Tensor1D;
  const Yoh = tf.unstack(convertToOneHot(Y, nY)) as tf.Tensor1D[];
  for (let t = 0; t < numIterations; t++) {
    let cost = 0;
    for (let i = 0; i < X.length; i++) {
      const step = forwardBackward(sentenceToAvg(X[i]!, wordToVecMap), Yoh[i]!, W, b);
      cost += step.cost;
      W = W.sub(step.dW.mul(learningRate));
      b = b.sub(step.db.mul(learningRate));
    }
    if (t % 100 === 0) {
      console.log(`Epoch: ${t} --- cost = ${cost.toFixed(6)}`);
      predict(X, Y, W, b, wordToVecMap);
    }
  }
  return [predict(X, null, W, b, wordToVecMap), W, b];
}

/**
 * Each sentence as a row of word indices, [m, maxLen]: the i-th sentence's
 * lower-cased words (split on white space) as wordToIndex gives them, in order,
 * then zeros up to maxLen (0 is padding; word indices start at 1).
 */
export function sentencesToIndices(X: string[], wordToIndex: Record<string, number>, maxLen: number): tf.Tensor2D {
  const rows = X.map((sentence) => {
    const row = new Array<number>(maxLen).fill(0);
    sentence
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .forEach((w, j) => {
        row[j] = wordToIndex[w]!;
      });
    return row;
  });
  const buffer = tf.buffer([X.length, maxLen], 'int32');
  rows.forEach((row, i) => row.forEach((v, j) => buffer.set(v, i, j)));
  return buffer.toTensor() as tf.Tensor2D;
}

/**
 * A Keras-style Embedding layer holding the pretrained vectors, frozen:
 * vocabLen = (number of words in wordToIndex) + 1 rows (row 0, the padding, is
 * zeros; row wordToIndex[w] is w's vector), embDim columns, trainable false.
 */
export function pretrainedEmbeddingLayer(wordToVecMap: WordVectors, wordToIndex: Record<string, number>): tf.layers.Layer {
  const vocabLen = Object.keys(wordToIndex).length + 1;
  const embDim = Object.values(wordToVecMap)[0]!.shape[0];
  const rows: number[][] = Array.from({ length: vocabLen }, () => new Array<number>(embDim).fill(0));
  for (const [word, index] of Object.entries(wordToIndex)) rows[index] = Array.from(wordToVecMap[word]!.dataSync());
  const layer = tf.layers.embedding({ inputDim: vocabLen, outputDim: embDim, weights: [tf.tensor2d(rows)] });
  layer.trainable = false;
  return layer;
}

/**
 * Given — the grader calls this to look at your layer (a layer cannot be sent to
 * it): builds it with pretrainedEmbeddingLayer, applies it to indices [m, maxLen],
 * and trains a small model on it for a few steps. Keep it as it is.
 */
export function embeddingLayerReport(
  wordToVecMap: WordVectors,
  wordToIndex: Record<string, number>,
  indices: tf.Tensor2D,
  labels: number[],
): EmbeddingLayerReport {
  return describeEmbeddingLayer(pretrainedEmbeddingLayer(wordToVecMap, wordToIndex), indices, labels);
}

/**
 * The course's Emojify_V2: Input([maxLen], int32) → the pretrained embedding
 * layer (frozen) → LSTM(lstmUnits, whole sequence) → Dropout(0.5) →
 * LSTM(lstmUnits, last output only) → Dropout(0.5) → Dense(5) → softmax.
 */
export function emojifyV2(inputShape: number[], wordToVecMap: WordVectors, wordToIndex: Record<string, number>, lstmUnits = 128): tf.LayersModel {
  const sentenceIndices = tf.input({ shape: inputShape });
  const embeddings = pretrainedEmbeddingLayer(wordToVecMap, wordToIndex).apply(sentenceIndices) as tf.SymbolicTensor;
  let X = tf.layers.lstm({ units: lstmUnits, returnSequences: true }).apply(embeddings) as tf.SymbolicTensor;
  X = tf.layers.dropout({ rate: 0.5 }).apply(X) as tf.SymbolicTensor;
  X = tf.layers.lstm({ units: lstmUnits }).apply(X) as tf.SymbolicTensor;
  X = tf.layers.dropout({ rate: 0.5 }).apply(X) as tf.SymbolicTensor;
  X = tf.layers.dense({ units: 5, activation: 'softmax' }).apply(X) as tf.SymbolicTensor;
  return tf.model({ inputs: sentenceIndices, outputs: X });
}

/**
 * Given — the grader calls this to look at your model (a model cannot be sent to
 * it): builds it with emojifyV2([maxLen], …, lstmUnits), describes its layers,
 * sets its weights other than the embedding from `seed`, applies it to indices
 * [m, maxLen], and, when steps > 0, trains it for that many steps of Adam on
 * (indices, labels). Keep it as it is.
 */
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

/** Given — what emojifyV2Report gives as probs: your model's outputs [m, 5] with its weights set from `seed`. Keep it as it is. */
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

export const alternative = { style: 'variants', fns: ['sentenceToAvg', 'forwardBackward', 'model', 'sentencesToIndices', 'pretrainedEmbeddingLayer', 'emojifyV2'] };
