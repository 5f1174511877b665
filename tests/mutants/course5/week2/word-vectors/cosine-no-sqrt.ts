import * as tf from '@tensorflow/tfjs';
import type { WordToVecMap } from '../../../../../solutions/course5/week2/word-vectors';
export * from '../../../../../solutions/course5/week2/word-vectors';

export const mutant = { fn: 'cosineSimilarity', hint: 'The dot product is divided by the sums of squares Σu²·Σv²: the norms are their square roots, ||u||₂ = √(Σu²).' };

export function cosineSimilarity(u: tf.Tensor1D, v: tf.Tensor1D): number {
  const normU = tf.sum(tf.square(u)).dataSync()[0]!;
  const normV = tf.sum(tf.square(v)).dataSync()[0]!;
  return tf.dot(u, v).dataSync()[0]! / (normU * normV);
}
