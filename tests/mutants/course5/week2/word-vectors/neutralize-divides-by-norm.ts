import * as tf from '@tensorflow/tfjs';
import type { WordToVecMap } from '../../../../../solutions/course5/week2/word-vectors';
export * from '../../../../../solutions/course5/week2/word-vectors';

export const mutant = { fn: 'neutralize', hint: 'The projection divides by ||g||₂ instead of ||g||₂²: the bias component is (e·g / ||g||₂²)·g.' };

export function neutralize(word: string, g: tf.Tensor1D, wordToVecMap: WordToVecMap): tf.Tensor1D {
  const e = wordToVecMap[word]!;
  const eBiasComponent = tf.mul(tf.div(tf.dot(e, g), tf.norm(g)), g);
  return tf.sub(e, eBiasComponent) as tf.Tensor1D;
}
