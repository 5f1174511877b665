import * as tf from '@tensorflow/tfjs';
import type { WordToVecMap } from '../../../../../solutions/course5/week2/word-vectors';
export * from '../../../../../solutions/course5/week2/word-vectors';

export const mutant = { fn: 'cosineSimilarity', hint: 'This is the dot product u·v alone: divide it by the product of the two norms, ||u||₂·||v||₂, so that the result is a cosine in [−1, 1].' };

export function cosineSimilarity(u: tf.Tensor1D, v: tf.Tensor1D): number {
  return tf.dot(u, v).dataSync()[0]!;
}
