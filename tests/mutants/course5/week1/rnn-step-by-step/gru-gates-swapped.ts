import * as tf from '@tensorflow/tfjs';
import type { GruCache, GruParameters } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'gruCellForward', hint: 'The update and relevance gates are swapped: Γr (Wr, br) scales c⟨t−1⟩ inside the candidate, Γu (Wu, bu) mixes c̃ and c⟨t−1⟩.' };

export function gruCellForward(xt: tf.Tensor2D, cPrev: tf.Tensor2D, parameters: GruParameters): [tf.Tensor2D, tf.Tensor2D, GruCache] {
  const { Wu, bu, Wr, br, Wc, bc, Wy, by } = parameters;
  const concat = tf.concat([cPrev, xt], 0);
  const gu = tf.sigmoid(tf.add(tf.matMul(Wr, concat), br)) as tf.Tensor2D;
  const gr = tf.sigmoid(tf.add(tf.matMul(Wu, concat), bu)) as tf.Tensor2D;
  const cct = tf.tanh(tf.add(tf.matMul(Wc, tf.concat([tf.mul(gr, cPrev), xt], 0)), bc)) as tf.Tensor2D;
  const cNext = tf.add(tf.mul(gu, cct), tf.mul(tf.sub(1, gu), cPrev)) as tf.Tensor2D;
  const z = tf.add(tf.matMul(Wy, cNext), by);
  const e = tf.exp(tf.sub(z, tf.max(z, 0, true)));
  const ytPred = tf.div(e, tf.sum(e, 0, true)) as tf.Tensor2D;
  return [cNext, ytPred, [cNext, cPrev, gu, gr, cct, xt, parameters]];
}
