import * as tf from '@tensorflow/tfjs';
import type { CharGradients } from '../../../../../solutions/course5/week1/dinosaur-island';
export * from '../../../../../solutions/course5/week1/dinosaur-island';

export const mutant = { fn: 'clip', hint: 'Only the upper bound is applied: entries below −maxValue must become −maxValue too (the lower bound is −maxValue, not unbounded).' };

export function clip(gradients: CharGradients, maxValue: number): CharGradients {
  const c = (g: tf.Tensor2D) => tf.minimum(g, maxValue) as tf.Tensor2D;
  return { dWaa: c(gradients.dWaa), dWax: c(gradients.dWax), dWya: c(gradients.dWya), db: c(gradients.db), dby: c(gradients.dby) };
}
