import * as tf from '@tensorflow/tfjs';
import type { LstmCache, LstmCellGradients } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'lstmCellBackward', hint: 'dcPrev forgets the forget gate: c⟨t⟩ = Γf * c⟨t−1⟩ + …, so dcPrev = (dcNext + da_next·Γo·(1 − tanh²(cNext))) * Γf.' };

export function lstmCellBackward(daNext: tf.Tensor2D, dcNext: tf.Tensor2D, cache: LstmCache): LstmCellGradients {
  const [, cNext, aPrev, cPrev, ft, it, cct, ot, xt, parameters] = cache;
  const { Wf, Wi, Wc, Wo } = parameters;
  const nA = aPrev.shape[0];
  const tanhC = tf.tanh(cNext);
  const dc = tf.add(dcNext, tf.mul(tf.mul(daNext, ot), tf.sub(1, tf.square(tanhC))));
  const dot = tf.mul(tf.mul(daNext, tanhC), tf.mul(ot, tf.sub(1, ot))) as tf.Tensor2D;
  const dcct = tf.mul(tf.mul(dc, it), tf.sub(1, tf.square(cct))) as tf.Tensor2D;
  const dit = tf.mul(tf.mul(dc, cct), tf.mul(it, tf.sub(1, it))) as tf.Tensor2D;
  const dft = tf.mul(tf.mul(dc, cPrev), tf.mul(ft, tf.sub(1, ft))) as tf.Tensor2D;
  const concat = tf.concat([aPrev, xt], 0);
  const part = (W: tf.Tensor2D, dz: tf.Tensor2D) => tf.matMul(W, dz, true, false);
  const dConcat = tf.addN([part(Wf, dft), part(Wi, dit), part(Wc, dcct), part(Wo, dot)]);
  return {
    dxt: tf.slice(dConcat, [nA, 0], [xt.shape[0], -1]) as tf.Tensor2D,
    daPrev: tf.slice(dConcat, [0, 0], [nA, -1]) as tf.Tensor2D,
    dcPrev: dc as tf.Tensor2D,
    dWf: tf.matMul(dft, concat, false, true),
    dWi: tf.matMul(dit, concat, false, true),
    dWc: tf.matMul(dcct, concat, false, true),
    dWo: tf.matMul(dot, concat, false, true),
    dbf: tf.sum(dft, 1, true) as tf.Tensor2D,
    dbi: tf.sum(dit, 1, true) as tf.Tensor2D,
    dbc: tf.sum(dcct, 1, true) as tf.Tensor2D,
    dbo: tf.sum(dot, 1, true) as tf.Tensor2D,
  };
}
