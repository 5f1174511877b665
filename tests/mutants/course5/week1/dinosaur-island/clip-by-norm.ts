import * as tf from '@tensorflow/tfjs';
import type { CharGradients } from '../../../../../solutions/course5/week1/dinosaur-island';
export * from '../../../../../solutions/course5/week1/dinosaur-island';

export const mutant = { fn: 'clip', hint: 'This rescales each gradient by its norm; the exercise clips element-wise: each entry to [−maxValue, maxValue], the others untouched.' };

export function clip(gradients: CharGradients, maxValue: number): CharGradients {
  const c = (g: tf.Tensor2D) => {
    const norm = tf.norm(g).dataSync()[0]!;
    return (norm > maxValue ? tf.mul(g, maxValue / norm) : g) as tf.Tensor2D;
  };
  return { dWaa: c(gradients.dWaa), dWax: c(gradients.dWax), dWya: c(gradients.dWya), db: c(gradients.db), dby: c(gradients.dby) };
}
