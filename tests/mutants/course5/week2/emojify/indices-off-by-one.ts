import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week2/emojify';

export const mutant = { fn: 'sentencesToIndices', hint: 'Every index is one too small: use wordToIndex[w] as it is — word indices already start at 1, and 0 is kept for the padding.' };

export function sentencesToIndices(X: string[], wordToIndex: Record<string, number>, maxLen: number): tf.Tensor2D {
  const rows = X.map((sentence) => {
    const row = new Array<number>(maxLen).fill(0);
    sentence.toLowerCase().split(/\s+/).forEach((w, j) => {
      row[j] = wordToIndex[w]! - 1;
    });
    return row;
  });
  return tf.tensor2d(rows, [X.length, maxLen]);
}
