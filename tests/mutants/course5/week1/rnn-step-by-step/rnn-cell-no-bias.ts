import * as tf from '@tensorflow/tfjs';
import type { RnnCache, RnnParameters } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'rnnCellForward', hint: 'The hidden state is missing its bias: aNext = tanh(Waa·aPrev + Wax·xt + ba).' };

export function rnnCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor2D, tf.Tensor2D, RnnCache] {
  const { Waa, Wax, Wya, by } = parameters;
  const aNext = tf.tanh(tf.add(tf.matMul(Waa, aPrev), tf.matMul(Wax, xt))) as tf.Tensor2D;
  const z = tf.add(tf.matMul(Wya, aNext), by);
  const e = tf.exp(tf.sub(z, tf.max(z, 0, true)));
  const ytPred = tf.div(e, tf.sum(e, 0, true)) as tf.Tensor2D;
  return [aNext, ytPred, [aNext, aPrev, xt, parameters]];
}
