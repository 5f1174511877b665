import * as tf from '@tensorflow/tfjs';
import type { WordVectors } from '../../../../../solutions/course5/week2/emojify';
export * from '../../../../../solutions/course5/week2/emojify';

export const mutant = { fn: 'sentenceToAvg', hint: 'Words with capitals ("Love", "PLAY") are skipped: lower-case the sentence before looking its words up — the map holds lower-case words only.' };

export function sentenceToAvg(sentence: string, wordToVecMap: WordVectors): tf.Tensor1D {
  const nH = Object.values(wordToVecMap)[0]!.shape[0];
  const words = sentence.split(/\s+/).filter((w) => w in wordToVecMap);
  return words.length ? (tf.div(tf.addN(words.map((w) => wordToVecMap[w]!)), words.length) as tf.Tensor1D) : tf.zeros([nH]);
}
