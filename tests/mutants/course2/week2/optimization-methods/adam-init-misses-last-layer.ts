import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'initializeAdam', hint: 'v and s have no entries for the last layer: loop l = 1 … L inclusive (l <= L).' };

export function initializeAdam(parameters: Parameters): [Moments, Moments] {
  const L = Object.keys(parameters).length / 2;
  const v: Moments = {};
  const s: Moments = {};
  for (let l = 1; l < L; l++) {
    v[`dW${l}`] = tf.zerosLike(parameters[`W${l}`]!);
    v[`db${l}`] = tf.zerosLike(parameters[`b${l}`]!);
    s[`dW${l}`] = tf.zerosLike(parameters[`W${l}`]!);
    s[`db${l}`] = tf.zerosLike(parameters[`b${l}`]!);
  }
  return [v, s];
}
