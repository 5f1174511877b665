import * as tf from '@tensorflow/tfjs';
import type { WordVectors } from '../../../../../solutions/course5/week2/emojify';
export * from '../../../../../solutions/course5/week2/emojify';

export const mutant = { fn: 'sentenceToAvg', hint: 'This is the sum of the word vectors: divide it by the number of words found in the map to get their average.' };

export function sentenceToAvg(sentence: string, wordToVecMap: WordVectors): tf.Tensor1D {
  const nH = Object.values(wordToVecMap)[0]!.shape[0];
  const words = sentence.toLowerCase().split(/\s+/).filter((w) => w in wordToVecMap);
  return words.length ? (tf.addN(words.map((w) => wordToVecMap[w]!)) as tf.Tensor1D) : tf.zeros([nH]);
}
