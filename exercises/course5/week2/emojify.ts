/**
 * Sequence models, week 2 — Emojify: sentiment from word embeddings.
 * Read emojify.md first. Grade your work with: npm run grade -- course5/week2/emojify
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 *
 * Version 1: a sentence is the average of its words' vectors; a softmax layer
 * (W [nY, nH], b [nY]) on that average, trained one sentence at a time.
 * Version 2: sentences as padded rows of word indices, fed to a frozen
 * embedding layer built from the pretrained vectors, then two LSTM layers
 * with dropout and a softmax layer (the course's Emojify_V2).
 * The course's helpers (emo_utils) are in lib/emojify-utils.ts (imported below).
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';
import { np } from '../../../lib/np-random';
import {
  convertToOneHot,
  describeEmbeddingLayer,
  describeEmojifyV2,
  predict,
  softmax,
  type EmbeddingLayerReport,
  type EmojifyV2Report,
  type WordVectors,
} from '../../../lib/emojify-utils';

export type { EmbeddingLayerReport, EmojifyV2Report, WordVectors };
// The course's emo_utils, for your experiments (and the examples in emojify.md).
export { labelToEmoji, predict, readCsv, readWordVectors } from '../../../lib/emojify-utils';

/**
 * The average of the vectors of the sentence's words (lower-cased, split on
 * white space) that are in wordToVecMap; a vector of zeros when none is. [nH].
 *
 * nH is the length of any vector of the map: Object.values(wordToVecMap)[0].shape[0].
 */
export function sentenceToAvg(sentence: string, wordToVecMap: WordVectors): tf.Tensor1D {
  return notImplemented('sentenceToAvg');
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
 *
 * avg [nH] and yOh [nY] (the one-hot label) are vectors; W is [nY, nH], b [nY].
 * softmax (of a vector) is given in lib/emojify-utils.ts.
 */
export function forwardBackward(avg: tf.Tensor1D, yOh: tf.Tensor1D, W: tf.Tensor2D, b: tf.Tensor1D): StepResult {
  return notImplemented('forwardBackward');
}

/**
 * Trains the softmax layer: np.random.seed(1), nY the number of distinct labels,
 * nH the length of the word vectors, W = randn(nY, nH)/√nH, b = 0. Then for each
 * of numIterations epochs, for each sentence in order: its average, a forward and
 * backward pass, and the update W −= learningRate·dW, b −= learningRate·db.
 * Every 100 epochs prints the epoch's summed cost and the accuracy. Returns
 * [pred, W, b], pred the predictions of the final W and b on X.
 *
 * np.random.randn(nY, nH) gives the nY·nH numbers row by row; convertToOneHot(Y, nY)
 * gives the one-hot labels as rows; predict(X, Y, W, b, wordToVecMap) gives the
 * predictions (and prints the accuracy when Y is not null).
 */
export function model(
  X: string[],
  Y: number[],
  wordToVecMap: WordVectors,
  learningRate = 0.01,
  numIterations = 400,
): [pred: number[], W: tf.Tensor2D, b: tf.Tensor1D] {
  return notImplemented('model');
}

/**
 * Each sentence as a row of word indices, [m, maxLen]: the i-th sentence's
 * lower-cased words (split on white space) as wordToIndex gives them, in order,
 * then zeros up to maxLen (0 is padding; word indices start at 1).
 */
export function sentencesToIndices(X: string[], wordToIndex: Record<string, number>, maxLen: number): tf.Tensor2D {
  return notImplemented('sentencesToIndices');
}

/**
 * A Keras-style Embedding layer holding the pretrained vectors, frozen:
 * vocabLen = (number of words in wordToIndex) + 1 rows (row 0, the padding, is
 * zeros; row wordToIndex[w] is w's vector), embDim columns, trainable false.
 *
 * tf.layers.embedding({ inputDim, outputDim, trainable, weights: [matrix] }) creates
 * it with its matrix (set when the layer is built on its first input).
 */
export function pretrainedEmbeddingLayer(wordToVecMap: WordVectors, wordToIndex: Record<string, number>): tf.layers.Layer {
  return notImplemented('pretrainedEmbeddingLayer');
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
 * The course's Emojify_V2, with TensorFlow.js layers (create each layer, then
 * `.apply(x)` it to the symbolic tensor x of the previous one):
 *
 *   sentenceIndices = tf.input({ shape: inputShape, dtype: 'int32' })   // [m, maxLen] of word indices
 *   → the layer pretrainedEmbeddingLayer gives (frozen)                  // [m, maxLen, embDim]
 *   → tf.layers.lstm({ units: lstmUnits, returnSequences: true })        // the whole sequence: [m, maxLen, lstmUnits]
 *   → tf.layers.dropout({ rate: 0.5 })
 *   → tf.layers.lstm({ units: lstmUnits, returnSequences: false })       // the last output only: [m, lstmUnits]
 *   → tf.layers.dropout({ rate: 0.5 })
 *   → tf.layers.dense({ units: 5 })                                      // one score per emoji: [m, 5]
 *   → tf.layers.activation({ activation: 'softmax' })                    // probabilities
 *
 * and returns tf.model({ inputs: sentenceIndices, outputs: X }). Keep the layers'
 * other settings at their defaults. lstmUnits is 128 in the course; the grader
 * passes smaller sizes, so use the argument.
 */
export function emojifyV2(inputShape: number[], wordToVecMap: WordVectors, wordToIndex: Record<string, number>, lstmUnits = 128): tf.LayersModel {
  return notImplemented('emojifyV2');
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
