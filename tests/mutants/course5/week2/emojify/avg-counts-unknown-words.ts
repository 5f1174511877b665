import * as tf from '@tensorflow/tfjs';
import type { WordVectors } from '../../../../../solutions/course5/week2/emojify';
export * from '../../../../../solutions/course5/week2/emojify';

export const mutant = { fn: 'sentenceToAvg', hint: 'The sum is divided by every word of the sentence, unknown ones included: count only the words found in wordToVecMap.' };

export function sentenceToAvg(sentence: string, wordToVecMap: WordVectors): tf.Tensor1D {
  const nH = Object.values(wordToVecMap)[0]!.shape[0];
  const all = sentence.toLowerCase().split(/\s+/);
  const words = all.filter((w) => w in wordToVecMap);
  return words.length ? (tf.div(tf.addN(words.map((w) => wordToVecMap[w]!)), all.length) as tf.Tensor1D) : tf.zeros([nH]);
}
