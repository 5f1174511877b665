import * as tf from '@tensorflow/tfjs';
import { softmax } from '../../../../../lib/rnn-utils';
import type { RnnCache, RnnParameters } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = {
  fn: 'rnnCellForward',
  hint: 'Wax·xt is computed with the examples as rows (xtᵀ·Waxᵀ, [m, nA]) and then reshaped to [nA, m]: a reshape is not a transpose, it mixes the examples up. Compute Wax·xt directly, or transpose.',
};

export function rnnCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor2D, tf.Tensor2D, RnnCache] {
  const { Waa, Wax, Wya, ba, by } = parameters;
  const [nA, m] = aPrev.shape;
  const xPart = tf.matMul(xt.transpose(), Wax.transpose()).reshape([nA, m]);
  const aNext = tf.tanh(tf.add(tf.add(tf.matMul(Waa, aPrev), xPart), ba)) as tf.Tensor2D;
  const ytPred = softmax(tf.add(tf.matMul(Wya, aNext), by) as tf.Tensor2D);
  return [aNext, ytPred, [aNext, aPrev, xt, parameters]];
}
