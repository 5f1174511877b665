import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'updateParametersWithMomentum', hint: 'The parameters step along the OLD velocity: first update v = β·v + (1 − β)·dθ, then θ = θ − α·v with the new v.' };

export function updateParametersWithMomentum(parameters: Parameters, grads: Grads, v: Moments, beta: number, learningRate: number): [Parameters, Moments] {
  const L = Object.keys(parameters).length / 2;
  const p: Parameters = {};
  const nv: Moments = {};
  for (let l = 1; l <= L; l++) {
    for (const k of ['W', 'b']) {
      p[`${k}${l}`] = tf.sub(parameters[`${k}${l}`]!, tf.mul(learningRate, v[`d${k}${l}`]!));
      nv[`d${k}${l}`] = tf.add(tf.mul(beta, v[`d${k}${l}`]!), tf.mul(1 - beta, grads[`d${k}${l}`]!));
    }
  }
  return [p, nv];
}
