/**
 * Correct alternative, vectorised but rearranged: the RNN cell multiplies the
 * stacked [Waa | Wax] by [aPrev; xt]; the softmax is exp(z − logsumexp(z));
 * the LSTM computes its four gates with one matMul on stacked weights and splits
 * them; the GRU writes c⟨t⟩ = c⟨t−1⟩ + Γu·(c̃ − c⟨t−1⟩); backward passes use
 * transposed products ((dzᵀ·W)ᵀ for Wᵀ·dz), tf.unstack / tf.stack over time,
 * and sums the per-step weight gradients once, with tf.addN, at the end.
 */
import * as tf from '@tensorflow/tfjs';
import type {
  GruCache,
  GruCellGradients,
  GruParameters,
  LstmCache,
  LstmCellGradients,
  LstmGradients,
  LstmParameters,
  RnnCache,
  RnnCellGradients,
  RnnGradients,
  RnnParameters,
} from '../../../../../solutions/course5/week1/rnn-step-by-step';

const colSoftmax = (z: tf.Tensor2D): tf.Tensor2D => tf.exp(tf.sub(z, tf.logSumExp(z, 0, true))) as tf.Tensor2D;
/** Wᵀ·dz written as (dzᵀ·W)ᵀ. */
const backThrough = (W: tf.Tensor2D, dz: tf.Tensor2D): tf.Tensor2D => tf.transpose(tf.matMul(tf.transpose(dz), W)) as tf.Tensor2D;
const rowSum = (dz: tf.Tensor2D): tf.Tensor2D => tf.reshape(tf.sum(dz, 1), [dz.shape[0], 1]) as tf.Tensor2D;
const outer = (dz: tf.Tensor2D, v: tf.Tensor2D): tf.Tensor2D => tf.transpose(tf.matMul(v, dz, false, true)) as tf.Tensor2D;
const steps = (x: tf.Tensor3D): tf.Tensor2D[] => tf.unstack(x, 2) as tf.Tensor2D[];

export function rnnCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor2D, tf.Tensor2D, RnnCache] {
  const { Waa, Wax, Wya, ba, by } = parameters;
  const W = tf.concat([Waa, Wax], 1);
  const stacked = tf.concat([aPrev, xt], 0);
  const hidden = tf.tanh(tf.add(ba, tf.matMul(W, stacked))) as tf.Tensor2D;
  const probs = colSoftmax(tf.add(by, tf.matMul(Wya, hidden)) as tf.Tensor2D);
  return [hidden, probs, [hidden, aPrev, xt, parameters]];
}

export function rnnForward(x: tf.Tensor3D, a0: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor3D, tf.Tensor3D, [RnnCache[], tf.Tensor3D]] {
  const hs: tf.Tensor2D[] = [];
  const ps: tf.Tensor2D[] = [];
  const cacheList: RnnCache[] = [];
  steps(x).reduce((h, xt) => {
    const [hNew, p, c] = rnnCellForward(xt, h, parameters);
    hs.push(hNew);
    ps.push(p);
    cacheList.push(c);
    return hNew;
  }, a0);
  return [tf.stack(hs, 2) as tf.Tensor3D, tf.stack(ps, 2) as tf.Tensor3D, [cacheList, x]];
}

export function lstmCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, cPrev: tf.Tensor2D, parameters: LstmParameters): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, LstmCache] {
  const { Wf, bf, Wi, bi, Wc, bc, Wo, bo, Wy, by } = parameters;
  const nA = aPrev.shape[0];
  const z = tf.add(tf.matMul(tf.concat([Wf, Wi, Wo, Wc], 0), tf.concat([aPrev, xt], 0)), tf.concat([bf, bi, bo, bc], 0));
  const [zf, zi, zo, zc] = tf.split(z, [nA, nA, nA, nA], 0) as tf.Tensor2D[];
  const [f, i, o] = [zf!, zi!, zo!].map((g) => tf.sigmoid(g) as tf.Tensor2D) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  const cand = tf.tanh(zc!) as tf.Tensor2D;
  const cNew = tf.addN([tf.mul(i, cand), tf.mul(f, cPrev)]) as tf.Tensor2D;
  const aNew = tf.mul(tf.tanh(cNew), o) as tf.Tensor2D;
  const probs = colSoftmax(tf.add(by, tf.matMul(Wy, aNew)) as tf.Tensor2D);
  return [aNew, cNew, probs, [aNew, cNew, aPrev, cPrev, f, i, cand, o, xt, parameters]];
}

export function lstmForward(x: tf.Tensor3D, a0: tf.Tensor2D, parameters: LstmParameters): [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, [LstmCache[], tf.Tensor3D]] {
  const hs: tf.Tensor2D[] = [], cs: tf.Tensor2D[] = [], ps: tf.Tensor2D[] = [];
  const cacheList: LstmCache[] = [];
  let state: [tf.Tensor2D, tf.Tensor2D] = [a0, tf.mul(a0, 0) as tf.Tensor2D];
  for (const xt of steps(x)) {
    const [h, c, p, cache] = lstmCellForward(xt, state[0], state[1], parameters);
    hs.push(h);
    cs.push(c);
    ps.push(p);
    cacheList.push(cache);
    state = [h, c];
  }
  return [tf.stack(hs, 2) as tf.Tensor3D, tf.stack(ps, 2) as tf.Tensor3D, tf.stack(cs, 2) as tf.Tensor3D, [cacheList, x]];
}

export function rnnCellBackward(daNext: tf.Tensor2D, cache: RnnCache): RnnCellGradients {
  const [aNext, aPrev, xt, { Waa, Wax }] = cache;
  const dz = tf.sub(daNext, tf.mul(daNext, tf.mul(aNext, aNext))) as tf.Tensor2D;
  return { dWaa: outer(dz, aPrev), dWax: outer(dz, xt), dba: rowSum(dz), daPrev: backThrough(Waa, dz), dxt: backThrough(Wax, dz) };
}

export function rnnBackward(da: tf.Tensor3D, caches: [RnnCache[], tf.Tensor3D]): RnnGradients {
  const [cacheList] = caches;
  const das = steps(da);
  const dxs: tf.Tensor2D[] = [];
  const parts: RnnCellGradients[] = [];
  let carry: tf.Tensor2D | null = null;
  for (let t = das.length - 1; t >= 0; t--) {
    const g = rnnCellBackward(carry ? (tf.add(carry, das[t]!) as tf.Tensor2D) : das[t]!, cacheList[t]!);
    dxs.unshift(g.dxt);
    parts.push(g);
    carry = g.daPrev;
  }
  const total = (k: 'dWax' | 'dWaa' | 'dba') => tf.addN(parts.map((g) => g[k])) as tf.Tensor2D;
  return { dx: tf.stack(dxs, 2) as tf.Tensor3D, da0: carry!, dWax: total('dWax'), dWaa: total('dWaa'), dba: total('dba') };
}

export function lstmCellBackward(daNext: tf.Tensor2D, dcNext: tf.Tensor2D, cache: LstmCache): LstmCellGradients {
  const [aNext, cNext, aPrev, cPrev, f, i, cand, o, xt, { Wf, Wi, Wc, Wo }] = cache;
  const nA = aPrev.shape[0];
  const th = tf.tanh(cNext);
  // tanh(c)·o = aNext, so ∂a/∂c = o − o·tanh²(c) and ∂a/∂o = tanh(c).
  const dcTotal = tf.add(tf.mul(daNext, tf.sub(o, tf.mul(aNext, th))), dcNext);
  const sigGrad = (s: tf.Tensor2D) => tf.sub(s, tf.square(s));
  const dzo = tf.mul(tf.mul(daNext, th), sigGrad(o)) as tf.Tensor2D;
  const dzc = tf.mul(tf.mul(dcTotal, i), tf.sub(1, tf.mul(cand, cand))) as tf.Tensor2D;
  const dzi = tf.mul(tf.mul(dcTotal, cand), sigGrad(i)) as tf.Tensor2D;
  const dzf = tf.mul(tf.mul(dcTotal, cPrev), sigGrad(f)) as tf.Tensor2D;
  const stackedDz = tf.concat([dzf, dzi, dzc, dzo], 0) as tf.Tensor2D;
  const stackedW = tf.concat([Wf, Wi, Wc, Wo], 0) as tf.Tensor2D;
  const dConcat = backThrough(stackedW, stackedDz);
  const stackedIn = tf.concat([aPrev, xt], 0) as tf.Tensor2D;
  const dW = tf.split(outer(stackedDz, stackedIn), 4, 0) as tf.Tensor2D[];
  const db = tf.split(rowSum(stackedDz), 4, 0) as tf.Tensor2D[];
  const [daPrev, dxt] = tf.split(dConcat, [nA, xt.shape[0]], 0) as tf.Tensor2D[];
  return {
    dxt: dxt!, daPrev: daPrev!, dcPrev: tf.mul(f, dcTotal) as tf.Tensor2D,
    dWf: dW[0]!, dWi: dW[1]!, dWc: dW[2]!, dWo: dW[3]!,
    dbf: db[0]!, dbi: db[1]!, dbc: db[2]!, dbo: db[3]!,
  };
}

export function lstmBackward(da: tf.Tensor3D, caches: [LstmCache[], tf.Tensor3D]): LstmGradients {
  const [cacheList] = caches;
  const das = steps(da);
  const Tx = das.length;
  const dxs: tf.Tensor2D[] = new Array(Tx);
  const parts: LstmCellGradients[] = [];
  let daCarry = tf.zerosLike(das[0]!) as tf.Tensor2D;
  let dcCarry = tf.zerosLike(das[0]!) as tf.Tensor2D;
  for (let t = Tx - 1; t >= 0; t--) {
    const g = lstmCellBackward(tf.add(daCarry, das[t]!) as tf.Tensor2D, dcCarry, cacheList[t]!);
    dxs[t] = g.dxt;
    daCarry = g.daPrev;
    dcCarry = g.dcPrev;
    parts.push(g);
  }
  const total = (k: keyof LstmCellGradients) => tf.addN(parts.map((g) => g[k])) as tf.Tensor2D;
  return {
    dx: tf.stack(dxs, 2) as tf.Tensor3D, da0: daCarry,
    dWf: total('dWf'), dWi: total('dWi'), dWc: total('dWc'), dWo: total('dWo'),
    dbf: total('dbf'), dbi: total('dbi'), dbc: total('dbc'), dbo: total('dbo'),
  };
}

export function gruCellForward(xt: tf.Tensor2D, cPrev: tf.Tensor2D, parameters: GruParameters): [tf.Tensor2D, tf.Tensor2D, GruCache] {
  const { Wu, bu, Wr, br, Wc, bc, Wy, by } = parameters;
  const nA = cPrev.shape[0];
  const both = tf.sigmoid(tf.add(tf.matMul(tf.concat([Wr, Wu], 0), tf.concat([cPrev, xt], 0)), tf.concat([br, bu], 0)));
  const [reset, update] = tf.split(both, 2, 0) as tf.Tensor2D[];
  // Wc·[Γr*c; x] = Wc[:, :nA]·(Γr*c) + Wc[:, nA:]·x
  const [WcA, WcX] = tf.split(Wc, [nA, xt.shape[0]], 1) as tf.Tensor2D[];
  const cand = tf.tanh(tf.add(tf.add(tf.matMul(WcA!, tf.mul(reset!, cPrev) as tf.Tensor2D), tf.matMul(WcX!, xt)), bc)) as tf.Tensor2D;
  const cNew = tf.add(cPrev, tf.mul(update!, tf.sub(cand, cPrev))) as tf.Tensor2D;
  const probs = colSoftmax(tf.add(by, tf.matMul(Wy, cNew)) as tf.Tensor2D);
  return [cNew, probs, [cNew, cPrev, update!, reset!, cand, xt, parameters]];
}

export function gruForward(x: tf.Tensor3D, c0: tf.Tensor2D, parameters: GruParameters): [tf.Tensor3D, tf.Tensor3D, [GruCache[], tf.Tensor3D]] {
  const cs: tf.Tensor2D[] = [], ps: tf.Tensor2D[] = [];
  const cacheList: GruCache[] = [];
  let c = c0;
  for (const xt of steps(x)) {
    const [cNew, p, cache] = gruCellForward(xt, c, parameters);
    cs.push(cNew);
    ps.push(p);
    cacheList.push(cache);
    c = cNew;
  }
  return [tf.stack(cs, 2) as tf.Tensor3D, tf.stack(ps, 2) as tf.Tensor3D, [cacheList, x]];
}

export function gruCellBackward(dcNext: tf.Tensor2D, cache: GruCache): GruCellGradients {
  const [, cPrev, update, reset, cand, xt, { Wu, Wr, Wc }] = cache;
  const nA = cPrev.shape[0];
  const nX = xt.shape[0];
  const dCand = tf.mul(dcNext, update);
  const dzc = tf.sub(dCand, tf.mul(dCand, tf.square(cand))) as tf.Tensor2D;
  const dzu = tf.mul(tf.mul(tf.sub(cand, cPrev), dcNext), tf.mul(update, tf.sub(1, update))) as tf.Tensor2D;
  const dInC = backThrough(Wc, dzc); // ∂J/∂[Γr*c; x] through the candidate
  const [dGated, dxFromC] = tf.split(dInC, [nA, nX], 0) as tf.Tensor2D[];
  const dzr = tf.mul(tf.mul(dGated!, cPrev), tf.mul(reset, tf.sub(1, reset))) as tf.Tensor2D;
  const dInUR = backThrough(tf.concat([Wu, Wr], 0) as tf.Tensor2D, tf.concat([dzu, dzr], 0) as tf.Tensor2D);
  const [dcFromUR, dxFromUR] = tf.split(dInUR, [nA, nX], 0) as tf.Tensor2D[];
  const stackedIn = tf.concat([cPrev, xt], 0) as tf.Tensor2D;
  return {
    dxt: tf.add(dxFromC!, dxFromUR!) as tf.Tensor2D,
    dcPrev: tf.addN([dcFromUR!, tf.mul(dGated!, reset), tf.sub(dcNext, tf.mul(dcNext, update))]) as tf.Tensor2D,
    dWu: outer(dzu, stackedIn),
    dbu: rowSum(dzu),
    dWr: outer(dzr, stackedIn),
    dbr: rowSum(dzr),
    dWc: outer(dzc, tf.concat([tf.mul(reset, cPrev), xt], 0) as tf.Tensor2D),
    dbc: rowSum(dzc),
  };
}

export const alternative = {
  style: 'reordered',
  fns: ['rnnCellForward', 'rnnForward', 'lstmCellForward', 'lstmForward', 'rnnCellBackward', 'rnnBackward', 'lstmCellBackward', 'lstmBackward', 'gruCellForward', 'gruForward', 'gruCellBackward'],
};
