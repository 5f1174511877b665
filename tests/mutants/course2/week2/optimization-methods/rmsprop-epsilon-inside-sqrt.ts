import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'updateParametersWithRmsprop', hint: 'ε is inside the square root: divide by √s + ε, not by √(s + ε).' };

export function updateParametersWithRmsprop(parameters: Parameters, grads: Grads, s: Moments, beta2: number, learningRate: number, epsilon: number): [Parameters, Moments] {
  const L = Object.keys(parameters).length / 2;
  const p: Parameters = {};
  const ns: Moments = {};
  for (let l = 1; l <= L; l++) {
    for (const k of ['W', 'b']) {
      const d = `d${k}${l}`;
      ns[d] = tf.add(tf.mul(beta2, s[d]!), tf.mul(1 - beta2, tf.square(grads[d]!)));
      p[`${k}${l}`] = tf.sub(parameters[`${k}${l}`]!, tf.mul(learningRate, tf.div(grads[d]!, tf.sqrt(tf.add(ns[d]!, epsilon)))));
    }
  }
  return [p, ns];
}
