import * as tf from '@tensorflow/tfjs';
import type { CharGradients } from '../../../../../solutions/course5/week1/dinosaur-island';
export * from '../../../../../solutions/course5/week1/dinosaur-island';

export const mutant = { fn: 'clip', hint: 'Only the weight gradients are clipped: clip db and dby too — every gradient in the record.' };

export function clip(gradients: CharGradients, maxValue: number): CharGradients {
  const c = (g: tf.Tensor2D) => tf.clipByValue(g, -maxValue, maxValue) as tf.Tensor2D;
  return { dWaa: c(gradients.dWaa), dWax: c(gradients.dWax), dWya: c(gradients.dWya), db: gradients.db, dby: gradients.dby };
}
