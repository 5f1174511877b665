import * as tf from '@tensorflow/tfjs';
import type { LstmCache, LstmParameters } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'lstmCellForward', hint: 'The candidate c̃ uses a sigmoid: it is tanh(Wc·[aPrev; xt] + bc); only the three gates are sigmoids.' };

export function lstmCellForward(
  xt: tf.Tensor2D,
  aPrev: tf.Tensor2D,
  cPrev: tf.Tensor2D,
  parameters: LstmParameters,
): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, LstmCache] {
  const { Wf, bf, Wi, bi, Wc, bc, Wo, bo, Wy, by } = parameters;
  const concat = tf.concat([aPrev, xt], 0);
  const ft = tf.sigmoid(tf.add(tf.matMul(Wf, concat), bf)) as tf.Tensor2D;
  const it = tf.sigmoid(tf.add(tf.matMul(Wi, concat), bi)) as tf.Tensor2D;
  const cct = tf.sigmoid(tf.add(tf.matMul(Wc, concat), bc)) as tf.Tensor2D;
  const cNext = tf.add(tf.mul(ft, cPrev), tf.mul(it, cct)) as tf.Tensor2D;
  const ot = tf.sigmoid(tf.add(tf.matMul(Wo, concat), bo)) as tf.Tensor2D;
  const aNext = tf.mul(ot, tf.tanh(cNext)) as tf.Tensor2D;
  const z = tf.add(tf.matMul(Wy, aNext), by);
  const e = tf.exp(tf.sub(z, tf.max(z, 0, true)));
  const ytPred = tf.div(e, tf.sum(e, 0, true)) as tf.Tensor2D;
  return [aNext, cNext, ytPred, [aNext, cNext, aPrev, cPrev, ft, it, cct, ot, xt, parameters]];
}
