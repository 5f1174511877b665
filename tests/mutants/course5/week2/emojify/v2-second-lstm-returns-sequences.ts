import * as tf from '@tensorflow/tfjs';
import { describeEmojifyV2, type EmojifyV2Report, type WordVectors } from '../../../../../lib/emojify-utils';
import { pretrainedEmbeddingLayer } from '../../../../../solutions/course5/week2/emojify';
export * from '../../../../../solutions/course5/week2/emojify';

export const mutant = { fn: 'emojifyV2', hint: "The second LSTM must return only its last output (returnSequences: false, the default): with the whole sequence, Dense scores every word and the output is [m, maxLen, 5] instead of [m, 5]." };

// Both LSTMs return their whole sequence.
export function emojifyV2(inputShape: number[], wordToVecMap: WordVectors, wordToIndex: Record<string, number>, lstmUnits = 128): tf.LayersModel {
  const sentenceIndices = tf.input({ shape: inputShape, dtype: 'int32' });
  const embedding = pretrainedEmbeddingLayer(wordToVecMap, wordToIndex);
  let X = embedding.apply(sentenceIndices) as tf.SymbolicTensor;
  X = tf.layers.lstm({ units: lstmUnits, returnSequences: true }).apply(X) as tf.SymbolicTensor;
  X = tf.layers.dropout({ rate: 0.5 }).apply(X) as tf.SymbolicTensor;
  X = tf.layers.lstm({ units: lstmUnits, returnSequences: true }).apply(X) as tf.SymbolicTensor;
  X = tf.layers.dropout({ rate: 0.5 }).apply(X) as tf.SymbolicTensor;
  X = tf.layers.dense({ units: 5 }).apply(X) as tf.SymbolicTensor;
  X = tf.layers.activation({ activation: 'softmax' }).apply(X) as tf.SymbolicTensor;
  return tf.model({ inputs: sentenceIndices, outputs: X });
}

// The given wrappers, bound to this file's emojifyV2.
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

export function emojifyV2Outputs(maxLen: number, wordToVecMap: WordVectors, wordToIndex: Record<string, number>, indices: tf.Tensor2D, lstmUnits: number, seed: number): tf.Tensor2D {
  const report = emojifyV2Report(maxLen, wordToVecMap, wordToIndex, indices, [], lstmUnits, 0, seed);
  if (!report.probs) throw new Error(report.error ?? 'the model gave no output');
  return report.probs;
}
