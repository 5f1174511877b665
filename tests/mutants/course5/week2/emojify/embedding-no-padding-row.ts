import * as tf from '@tensorflow/tfjs';
import { describeEmbeddingLayer, type EmbeddingLayerReport, type WordVectors } from '../../../../../lib/emojify-utils';
export * from '../../../../../solutions/course5/week2/emojify';

export const mutant = { fn: 'pretrainedEmbeddingLayer', hint: 'The matrix needs vocabLen = (number of words) + 1 rows: row 0 for the padding, then row wordToIndex[w] for each word.' };

export function pretrainedEmbeddingLayer(wordToVecMap: WordVectors, wordToIndex: Record<string, number>): tf.layers.Layer {
  const vocabLen = Object.keys(wordToIndex).length;
  const embDim = Object.values(wordToVecMap)[0]!.shape[0];
  const rows: number[][] = Array.from({ length: vocabLen }, () => new Array<number>(embDim).fill(0));
  for (const [word, index] of Object.entries(wordToIndex)) rows[index - 1] = Array.from(wordToVecMap[word]!.dataSync());
  return tf.layers.embedding({ inputDim: vocabLen, outputDim: embDim, trainable: false, weights: [tf.tensor2d(rows)] });
}

// The given wrapper, bound to this file's pretrainedEmbeddingLayer.
export function embeddingLayerReport(wordToVecMap: WordVectors, wordToIndex: Record<string, number>, indices: tf.Tensor2D, labels: number[]): EmbeddingLayerReport {
  return describeEmbeddingLayer(pretrainedEmbeddingLayer(wordToVecMap, wordToIndex), indices, labels);
}
