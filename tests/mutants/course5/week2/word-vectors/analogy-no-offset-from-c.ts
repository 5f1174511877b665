import * as tf from '@tensorflow/tfjs';
import type { WordToVecMap } from '../../../../../solutions/course5/week2/word-vectors';
export * from '../../../../../solutions/course5/week2/word-vectors';
import { cosineSimilarity } from '../../../../../solutions/course5/week2/word-vectors';

export const mutant = { fn: 'completeAnalogy', hint: 'Each word\'s own vector e_w is compared with e_b − e_a: compare its offset from word_c, e_w − e_c.' };

export function completeAnalogy(wordA: string, wordB: string, wordC: string, wordToVecMap: WordToVecMap): string | null {
  const relation = tf.sub(wordToVecMap[wordB]!, wordToVecMap[wordA]!) as tf.Tensor1D;
  let best = -100;
  let bestWord: string | null = null;
  for (const w of Object.keys(wordToVecMap)) {
    if (w === wordA || w === wordB || w === wordC) continue;
    const sim = cosineSimilarity(relation, wordToVecMap[w]!);
    if (sim > best) [best, bestWord] = [sim, w];
  }
  return bestWord;
}
