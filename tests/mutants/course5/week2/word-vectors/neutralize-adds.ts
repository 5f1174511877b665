import * as tf from '@tensorflow/tfjs';
import type { WordToVecMap } from '../../../../../solutions/course5/week2/word-vectors';
export * from '../../../../../solutions/course5/week2/word-vectors';

export const mutant = { fn: 'neutralize', hint: 'The bias component is added instead of subtracted: e_debiased = e − e_biascomponent.' };

export function neutralize(word: string, g: tf.Tensor1D, wordToVecMap: WordToVecMap): tf.Tensor1D {
  const e = wordToVecMap[word]!;
  const eBiasComponent = tf.mul(tf.div(tf.dot(e, g), tf.sum(tf.square(g))), g);
  return tf.add(e, eBiasComponent) as tf.Tensor1D;
}
