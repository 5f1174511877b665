import * as tf from '@tensorflow/tfjs';
import type { WordToVecMap } from '../../../../../solutions/course5/week2/word-vectors';
export * from '../../../../../solutions/course5/week2/word-vectors';

export const mutant = { fn: 'neutralize', hint: 'This is the bias component itself: return the vector minus it, e − (e·g / ||g||₂²)·g.' };

export function neutralize(word: string, g: tf.Tensor1D, wordToVecMap: WordToVecMap): tf.Tensor1D {
  const e = wordToVecMap[word]!;
  return tf.mul(tf.div(tf.dot(e, g), tf.sum(tf.square(g))), g) as tf.Tensor1D;
}
