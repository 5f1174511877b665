import * as tf from '@tensorflow/tfjs';
import type { WordToVecMap } from '../../../../../solutions/course5/week2/word-vectors';
export * from '../../../../../solutions/course5/week2/word-vectors';
import { cosineSimilarity } from '../../../../../solutions/course5/week2/word-vectors';

export const mutant = { fn: 'completeAnalogy', hint: 'The relation is reversed (e_a − e_b, or the smallest cosine kept): find the word whose e_w − e_c is most similar to e_b − e_a, keeping the largest cosine.' };

export function completeAnalogy(wordA: string, wordB: string, wordC: string, wordToVecMap: WordToVecMap): string | null {
  const relation = tf.sub(wordToVecMap[wordA]!, wordToVecMap[wordB]!) as tf.Tensor1D;
  let best = -100;
  let bestWord: string | null = null;
  for (const w of Object.keys(wordToVecMap)) {
    if (w === wordA || w === wordB || w === wordC) continue;
    const sim = cosineSimilarity(relation, tf.sub(wordToVecMap[w]!, wordToVecMap[wordC]!) as tf.Tensor1D);
    if (sim > best) [best, bestWord] = [sim, w];
  }
  return bestWord;
}
