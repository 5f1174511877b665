import * as tf from '@tensorflow/tfjs';
import type { WordToVecMap } from '../../../../../solutions/course5/week2/word-vectors';
export * from '../../../../../solutions/course5/week2/word-vectors';

export const mutant = { fn: 'neutralize', hint: 'e·g is computed element-wise here: it is a dot product, one number (tf.dot, or the sum of the element-wise product).' };

export function neutralize(word: string, g: tf.Tensor1D, wordToVecMap: WordToVecMap): tf.Tensor1D {
  const e = wordToVecMap[word]!;
  const eBiasComponent = tf.mul(tf.div(tf.mul(e, g), tf.sum(tf.square(g))), g);
  return tf.sub(e, eBiasComponent) as tf.Tensor1D;
}
