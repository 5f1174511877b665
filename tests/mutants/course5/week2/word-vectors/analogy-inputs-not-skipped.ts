import * as tf from '@tensorflow/tfjs';
import type { WordToVecMap } from '../../../../../solutions/course5/week2/word-vectors';
export * from '../../../../../solutions/course5/week2/word-vectors';
import { cosineSimilarity } from '../../../../../solutions/course5/week2/word-vectors';

export const mutant = { fn: 'completeAnalogy', hint: 'The answer is one of the input words: skip all three of word_a, word_b and word_c in the loop over the words.' };

export function completeAnalogy(wordA: string, wordB: string, wordC: string, wordToVecMap: WordToVecMap): string | null {
  const relation = tf.sub(wordToVecMap[wordB]!, wordToVecMap[wordA]!) as tf.Tensor1D;
  let best = -100;
  let bestWord: string | null = null;
  for (const w of Object.keys(wordToVecMap)) {
    if (w === wordC) continue; // only word_c is skipped (its offset from itself is 0)
    const sim = cosineSimilarity(relation, tf.sub(wordToVecMap[w]!, wordToVecMap[wordC]!) as tf.Tensor1D);
    if (sim > best) [best, bestWord] = [sim, w];
  }
  return bestWord;
}
