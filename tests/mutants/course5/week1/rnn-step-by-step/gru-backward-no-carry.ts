import * as tf from '@tensorflow/tfjs';
import type { GruCache, GruCellGradients } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'gruCellBackward', hint: 'dcPrev misses the direct path: c⟨t⟩ = … + (1 − Γu) * c⟨t−1⟩ contributes dcNext * (1 − Γu).' };

export function gruCellBackward(dcNext: tf.Tensor2D, cache: GruCache): GruCellGradients {
  const [, cPrev, gu, gr, cct, xt, parameters] = cache;
  const { Wu, Wr, Wc } = parameters;
  const nA = cPrev.shape[0];
  const nX = xt.shape[0];
  const dzc = tf.mul(tf.mul(dcNext, gu), tf.sub(1, tf.square(cct))) as tf.Tensor2D;
  const dzu = tf.mul(tf.mul(dcNext, tf.sub(cct, cPrev)), tf.mul(gu, tf.sub(1, gu))) as tf.Tensor2D;
  const gated = tf.mul(gr, cPrev);
  const dGated = tf.matMul(tf.slice(Wc, [0, 0], [-1, nA]), dzc, true, false);
  const dzr = tf.mul(tf.mul(dGated, cPrev), tf.mul(gr, tf.sub(1, gr))) as tf.Tensor2D;
  const concat = tf.concat([cPrev, xt], 0);
  const left = (W: tf.Tensor2D) => tf.slice(W, [0, 0], [-1, nA]);
  const right = (W: tf.Tensor2D) => tf.slice(W, [0, nA], [-1, nX]);
  const dcPrev = tf.addN([tf.mul(dGated, gr), tf.matMul(left(Wu), dzu, true, false), tf.matMul(left(Wr), dzr, true, false)]) as tf.Tensor2D;
  const dxt = tf.addN([tf.matMul(right(Wc), dzc, true, false), tf.matMul(right(Wu), dzu, true, false), tf.matMul(right(Wr), dzr, true, false)]) as tf.Tensor2D;
  return {
    dxt,
    dcPrev,
    dWu: tf.matMul(dzu, concat, false, true),
    dbu: tf.sum(dzu, 1, true) as tf.Tensor2D,
    dWr: tf.matMul(dzr, concat, false, true),
    dbr: tf.sum(dzr, 1, true) as tf.Tensor2D,
    dWc: tf.matMul(dzc, tf.concat([gated, xt], 0), false, true),
    dbc: tf.sum(dzc, 1, true) as tf.Tensor2D,
  };
}
