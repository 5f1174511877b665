import * as tf from '@tensorflow/tfjs';
import type { RnnCache, RnnCellGradients } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'rnnCellBackward', hint: "tanh's derivative is taken at aPrev: it is 1 − aNext², the output of this step's tanh." };

export function rnnCellBackward(daNext: tf.Tensor2D, cache: RnnCache): RnnCellGradients {
  const [, aPrev, xt, parameters] = cache;
  const { Waa, Wax } = parameters;
  const dz = tf.mul(daNext, tf.sub(1, tf.square(aPrev))) as tf.Tensor2D;
  return {
    dxt: tf.matMul(Wax, dz, true, false),
    daPrev: tf.matMul(Waa, dz, true, false),
    dWax: tf.matMul(dz, xt, false, true),
    dWaa: tf.matMul(dz, aPrev, false, true),
    dba: tf.sum(dz, 1, true) as tf.Tensor2D,
  };
}
