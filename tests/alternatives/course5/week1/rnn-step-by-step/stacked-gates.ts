/**
 * Correct alternative: the gates of a cell computed by one matrix product with their weights stacked — LSTM's
 * [Wf; Wi; Wc; Wo]·[aPrev; xt] + [bf; bi; bc; bo], split into four, GRU's [Wu; Wr]·[cPrev; xt] + [bu; br] split in
 * two — and the softmax as exp(z − max) / Σ exp(z − max) down each column. The other functions are the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import type { GruCache, GruParameters, LstmCache, LstmParameters } from '../../../../../exercises/course5/week1/rnn-step-by-step';

export {
  gruCellBackward,
  gruForward,
  lstmBackward,
  lstmCellBackward,
  lstmForward,
  rnnBackward,
  rnnCellBackward,
  rnnCellForward,
  rnnForward,
} from '../../../../../solutions/course5/week1/rnn-step-by-step';

const softmaxColumns = (z: tf.Tensor2D): tf.Tensor2D => {
  const e = tf.exp(tf.sub(z, tf.max(z, 0, true)));
  return tf.div(e, tf.sum(e, 0, true)) as tf.Tensor2D;
};

export function lstmCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, cPrev: tf.Tensor2D, parameters: LstmParameters): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, LstmCache] {
  const { Wf, bf, Wi, bi, Wc, bc, Wo, bo, Wy, by } = parameters;
  const z = tf.add(tf.matMul(tf.concat([Wf, Wi, Wc, Wo], 0), tf.concat([aPrev, xt], 0)), tf.concat([bf, bi, bc, bo], 0));
  const [zf, zi, zc, zo] = tf.split(z, 4, 0) as tf.Tensor2D[];
  const [ft, it, cct, ot] = [tf.sigmoid(zf!), tf.sigmoid(zi!), tf.tanh(zc!), tf.sigmoid(zo!)] as tf.Tensor2D[];
  const cNext = tf.add(tf.mul(it!, cct!), tf.mul(ft!, cPrev)) as tf.Tensor2D;
  const aNext = tf.mul(tf.tanh(cNext), ot!) as tf.Tensor2D;
  const ytPred = softmaxColumns(tf.add(tf.matMul(Wy, aNext), by) as tf.Tensor2D);
  return [aNext, cNext, ytPred, [aNext, cNext, aPrev, cPrev, ft!, it!, cct!, ot!, xt, parameters]];
}

export function gruCellForward(xt: tf.Tensor2D, cPrev: tf.Tensor2D, parameters: GruParameters): [tf.Tensor2D, tf.Tensor2D, GruCache] {
  const { Wu, bu, Wr, br, Wc, bc, Wy, by } = parameters;
  const z = tf.add(tf.matMul(tf.concat([Wu, Wr], 0), tf.concat([cPrev, xt], 0)), tf.concat([bu, br], 0));
  const [gu, gr] = (tf.split(z, 2, 0) as tf.Tensor2D[]).map((t) => tf.sigmoid(t) as tf.Tensor2D) as [tf.Tensor2D, tf.Tensor2D];
  const cct = tf.tanh(tf.add(tf.matMul(Wc, tf.concat([tf.mul(gr, cPrev), xt], 0)), bc)) as tf.Tensor2D;
  const cNext = tf.add(cPrev, tf.mul(gu, tf.sub(cct, cPrev))) as tf.Tensor2D;
  const ytPred = softmaxColumns(tf.add(tf.matMul(Wy, cNext), by) as tf.Tensor2D);
  return [cNext, ytPred, [cNext, cPrev, gu, gr, cct, xt, parameters]];
}

export const alternative = { style: 'stacked-gates', fns: ['lstmCellForward', 'gruCellForward'] };
