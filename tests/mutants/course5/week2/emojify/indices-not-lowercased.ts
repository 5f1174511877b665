import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week2/emojify';

export const mutant = { fn: 'sentencesToIndices', hint: 'Words with capitals are not found in wordToIndex (their index comes out as 0 or NaN): lower-case each sentence before looking its words up.' };

export function sentencesToIndices(X: string[], wordToIndex: Record<string, number>, maxLen: number): tf.Tensor2D {
  const rows = X.map((sentence) => {
    const row = new Array<number>(maxLen).fill(0);
    sentence.split(/\s+/).forEach((w, j) => {
      row[j] = wordToIndex[w] ?? 0;
    });
    return row;
  });
  return tf.tensor2d(rows, [X.length, maxLen]);
}
