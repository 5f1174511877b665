import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'initializeVelocity', hint: 'v.dbl is shaped like Wl: each velocity has the shape of its own parameter (tf.zerosLike(parameters[`b${l}`]) for dbl).' };

export function initializeVelocity(parameters: Parameters): Moments {
  const L = Object.keys(parameters).length / 2;
  const v: Moments = {};
  for (let l = 1; l <= L; l++) {
    v[`dW${l}`] = tf.zerosLike(parameters[`W${l}`]!);
    v[`db${l}`] = tf.zerosLike(parameters[`W${l}`]!);
  }
  return v;
}
