import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week2/emojify';

export const mutant = { fn: 'sentencesToIndices', hint: 'The zeros come first (padding before the words, like pad_sequences\'s default): put the words at the start of the row, from column 0, and the zeros after them.' };

export function sentencesToIndices(X: string[], wordToIndex: Record<string, number>, maxLen: number): tf.Tensor2D {
  const rows = X.map((sentence) => {
    const words = sentence.toLowerCase().split(/\s+/);
    return [...new Array<number>(maxLen - words.length).fill(0), ...words.map((w) => wordToIndex[w]!)];
  });
  return tf.tensor2d(rows, [X.length, maxLen]);
}
