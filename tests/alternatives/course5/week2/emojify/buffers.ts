/**
 * Correct alternative: sentenceToAvg sums the known words' vectors in a Float32Array (read with dataSync) and divides
 * at the end, a sentence of no known word giving zeros; sentencesToIndices fills a tf.buffer, word by word, the rest
 * left at 0. The other functions (and the given helpers) are the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import type { WordVectors } from '../../../../../solutions/course5/week2/emojify';

export * from '../../../../../solutions/course5/week2/emojify';

export function sentenceToAvg(sentence: string, wordToVecMap: WordVectors): tf.Tensor1D {
  const first = Object.values(wordToVecMap)[0]!;
  const sum = new Float32Array(first.shape[0]);
  let count = 0;
  for (const raw of sentence.split(/\s+/)) {
    const word = raw.toLowerCase();
    if (word.length === 0 || !(word in wordToVecMap)) continue;
    const v = wordToVecMap[word]!.dataSync();
    for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! + v[i]!;
    count++;
  }
  if (count > 0) for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! / count;
  return tf.tensor1d(sum);
}

export function sentencesToIndices(X: string[], wordToIndex: Record<string, number>, maxLen: number): tf.Tensor2D {
  const out = tf.buffer([X.length, maxLen], 'float32');
  X.forEach((sentence, i) => {
    let j = 0;
    for (const word of sentence.toLowerCase().trim().split(/\s+/)) {
      if (word.length === 0) continue;
      out.set(wordToIndex[word]!, i, j);
      j++;
    }
  });
  return out.toTensor() as tf.Tensor2D;
}

export const alternative = { style: 'loops', fns: ['sentenceToAvg', 'sentencesToIndices'] };
