import * as tf from '@tensorflow/tfjs';
import type { CharGradients } from '../../../../../solutions/course5/week1/dinosaur-island';
export * from '../../../../../solutions/course5/week1/dinosaur-island';

export const mutant = { fn: 'clip', hint: 'The bounds are swapped (max with +maxValue, then min with −maxValue), which sends every entry to −maxValue: the lower bound is −maxValue and the upper +maxValue.' };

export function clip(gradients: CharGradients, maxValue: number): CharGradients {
  const c = (g: tf.Tensor2D) => tf.minimum(tf.maximum(g, maxValue), -maxValue) as tf.Tensor2D;
  return { dWaa: c(gradients.dWaa), dWax: c(gradients.dWax), dWya: c(gradients.dWya), db: c(gradients.db), dby: c(gradients.dby) };
}
