import * as tf from '@tensorflow/tfjs';
import type { RnnCache, RnnParameters } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'rnnCellForward', hint: 'The softmax runs over the examples (the last axis): take it over the first axis, the nY classes of each column.' };

export function rnnCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor2D, tf.Tensor2D, RnnCache] {
  const { Waa, Wax, Wya, ba, by } = parameters;
  const aNext = tf.tanh(tf.add(tf.add(tf.matMul(Waa, aPrev), tf.matMul(Wax, xt)), ba)) as tf.Tensor2D;
  const ytPred = tf.softmax(tf.add(tf.matMul(Wya, aNext), by)) as tf.Tensor2D;
  return [aNext, ytPred, [aNext, aPrev, xt, parameters]];
}
