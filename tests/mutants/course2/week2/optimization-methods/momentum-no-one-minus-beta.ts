import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Grads, MiniBatch, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'updateParametersWithMomentum', hint: 'The velocity adds the whole gradient: v = β·v + (1 − β)·dθ, an average, not β·v + dθ.' };

export function updateParametersWithMomentum(parameters: Parameters, grads: Grads, v: Moments, beta: number, learningRate: number): [Parameters, Moments] {
  const L = Object.keys(parameters).length / 2;
  const p: Parameters = {};
  const nv: Moments = {};
  for (let l = 1; l <= L; l++) {
    for (const k of ['W', 'b']) {
      nv[`d${k}${l}`] = tf.add(tf.mul(beta, v[`d${k}${l}`]!), grads[`d${k}${l}`]!);
      p[`${k}${l}`] = tf.sub(parameters[`${k}${l}`]!, tf.mul(learningRate, nv[`d${k}${l}`]!));
    }
  }
  return [p, nv];
}
