import * as tf from '@tensorflow/tfjs';
import type { Grads, Moments, Parameters } from '../../../../../solutions/course2/week2/optimization-methods';
export * from '../../../../../solutions/course2/week2/optimization-methods';

export const mutant = { fn: 'updateParametersWithAdam', hint: 'ε is inside the square root: divide by √sCorrected + ε, not by √(sCorrected + ε).' };

export function updateParametersWithAdam(
  parameters: Parameters,
  grads: Grads,
  v: Moments,
  s: Moments,
  t: number,
  learningRate = 0.01,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon = 1e-8,
): [Parameters, Moments, Moments, Moments, Moments] {
  const L = Object.keys(parameters).length / 2;
  const p: Parameters = {};
  const nv: Moments = {};
  const ns: Moments = {};
  const vc: Moments = {};
  const sc: Moments = {};
  for (let l = 1; l <= L; l++) {
    for (const k of ['W', 'b']) {
      const d = `d${k}${l}`;
      nv[d] = tf.add(tf.mul(beta1, v[d]!), tf.mul(1 - beta1, grads[d]!));
      ns[d] = tf.add(tf.mul(beta2, s[d]!), tf.mul(1 - beta2, tf.square(grads[d]!)));
      vc[d] = tf.div(nv[d]!, 1 - Math.pow(beta1, t));
      sc[d] = tf.div(ns[d]!, 1 - Math.pow(beta2, t));
      p[`${k}${l}`] = tf.sub(parameters[`${k}${l}`]!, tf.mul(learningRate, tf.div(vc[d]!, tf.sqrt(tf.add(sc[d]!, epsilon)))));
    }
  }
  return [p, nv, ns, vc, sc];
}
