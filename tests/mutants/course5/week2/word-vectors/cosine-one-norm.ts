import * as tf from '@tensorflow/tfjs';
import type { WordToVecMap } from '../../../../../solutions/course5/week2/word-vectors';
export * from '../../../../../solutions/course5/week2/word-vectors';

export const mutant = { fn: 'cosineSimilarity', hint: 'Only one norm divides the dot product: the cosine is u·v / (||u||₂·||v||₂), with both norms.' };

export function cosineSimilarity(u: tf.Tensor1D, v: tf.Tensor1D): number {
  return tf.dot(u, v).dataSync()[0]! / tf.norm(u).dataSync()[0]!;
}
