import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'initializeRmsprop', hint: 's starts at ones: it is a moving average of squared gradients and starts at zero (tf.zerosLike).' };

export function initializeRmsprop(parameters: Parameters): Moments {
  const L = Object.keys(parameters).length / 2;
  const s: Moments = {};
  for (let l = 1; l <= L; l++) {
    s[`dW${l}`] = tf.onesLike(parameters[`W${l}`]!);
    s[`db${l}`] = tf.onesLike(parameters[`b${l}`]!);
  }
  return s;
}
