/**
 * Sequence models, week 2 — Emojify: sentiment from word embeddings.
 * Read emojify.md first. Grade your work with: npm run grade -- course5/week2/emojify
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 *
 * Version 1: a sentence is the average of its words' vectors; a softmax layer
 * (W [nY, nH], b [nY]) on that average, trained one sentence at a time.
 * Version 2: sentences as padded rows of word indices, fed to a frozen
 * embedding layer built from the pretrained vectors.
 * The course's helpers (emo_utils) are in lib/emojify-utils.ts (imported below).
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';
import { np } from '../../../lib/np-random';
import { convertToOneHot, describeEmbeddingLayer, predict, softmax, type EmbeddingLayerReport, type WordVectors } from '../../../lib/emojify-utils';

export type { EmbeddingLayerReport, WordVectors };
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
