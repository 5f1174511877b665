/**
 * Course 5, week 1 — Building a recurrent network step by step.
 * Reference solution.
 *
 * Shapes as the course: x is [nX, m, Tx], hidden states a are [nA, m, Tx],
 * predictions are [nY, m, Tx]; the softmax runs over the first axis.
 */
import * as tf from '@tensorflow/tfjs';
import { softmax } from '../../../lib/rnn-utils';

export type RnnParameters = { Waa: tf.Tensor2D; Wax: tf.Tensor2D; Wya: tf.Tensor2D; ba: tf.Tensor2D; by: tf.Tensor2D };
export type LstmParameters = {
  Wf: tf.Tensor2D; bf: tf.Tensor2D; Wi: tf.Tensor2D; bi: tf.Tensor2D; Wc: tf.Tensor2D; bc: tf.Tensor2D;
  Wo: tf.Tensor2D; bo: tf.Tensor2D; Wy: tf.Tensor2D; by: tf.Tensor2D;
};
export type GruParameters = { Wu: tf.Tensor2D; bu: tf.Tensor2D; Wr: tf.Tensor2D; br: tf.Tensor2D; Wc: tf.Tensor2D; bc: tf.Tensor2D; Wy: tf.Tensor2D; by: tf.Tensor2D };

/** [aNext, aPrev, xt, parameters] */
export type RnnCache = [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, RnnParameters];
/** [aNext, cNext, aPrev, cPrev, ft, it, cct, ot, xt, parameters] */
export type LstmCache = [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, LstmParameters];
/** [cNext, cPrev, gu, gr, cct, xt, parameters] */
export type GruCache = [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, GruParameters];

export type RnnCellGradients = { dxt: tf.Tensor2D; daPrev: tf.Tensor2D; dWax: tf.Tensor2D; dWaa: tf.Tensor2D; dba: tf.Tensor2D };
export type RnnGradients = { dx: tf.Tensor3D; da0: tf.Tensor2D; dWax: tf.Tensor2D; dWaa: tf.Tensor2D; dba: tf.Tensor2D };
export type LstmCellGradients = {
  dxt: tf.Tensor2D; daPrev: tf.Tensor2D; dcPrev: tf.Tensor2D;
  dWf: tf.Tensor2D; dWi: tf.Tensor2D; dWc: tf.Tensor2D; dWo: tf.Tensor2D;
  dbf: tf.Tensor2D; dbi: tf.Tensor2D; dbc: tf.Tensor2D; dbo: tf.Tensor2D;
};
export type LstmGradients = {
  dx: tf.Tensor3D; da0: tf.Tensor2D;
  dWf: tf.Tensor2D; dWi: tf.Tensor2D; dWc: tf.Tensor2D; dWo: tf.Tensor2D;
  dbf: tf.Tensor2D; dbi: tf.Tensor2D; dbc: tf.Tensor2D; dbo: tf.Tensor2D;
};
export type GruCellGradients = { dxt: tf.Tensor2D; dcPrev: tf.Tensor2D; dWu: tf.Tensor2D; dbu: tf.Tensor2D; dWr: tf.Tensor2D; dbr: tf.Tensor2D; dWc: tf.Tensor2D; dbc: tf.Tensor2D };

/** x[:, :, t] as a 2-D tensor. */
function step(x: tf.Tensor3D, t: number): tf.Tensor2D {
  const [n, m] = x.shape;
  return tf.slice(x, [0, 0, t], [n, m, 1]).reshape([n, m]) as tf.Tensor2D;
}

/** a⟨t⟩ = tanh(Waa·a⟨t−1⟩ + Wax·x⟨t⟩ + ba), ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by). Returns [aNext, ytPred, cache]. */
export function rnnCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor2D, tf.Tensor2D, RnnCache] {
  const { Waa, Wax, Wya, ba, by } = parameters;
  const aNext = tf.tanh(tf.add(tf.add(tf.matMul(Waa, aPrev), tf.matMul(Wax, xt)), ba)) as tf.Tensor2D;
  const ytPred = softmax(tf.add(tf.matMul(Wya, aNext), by) as tf.Tensor2D);
  return [aNext, ytPred, [aNext, aPrev, xt, parameters]];
}

/** The cell applied over Tx steps from a0. Returns [a, yPred, caches] with caches = [cacheList, x]. */
export function rnnForward(x: tf.Tensor3D, a0: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor3D, tf.Tensor3D, [RnnCache[], tf.Tensor3D]] {
  const Tx = x.shape[2];
  const caches: RnnCache[] = [];
  const as: tf.Tensor2D[] = [];
  const ys: tf.Tensor2D[] = [];
  let aNext = a0;
  for (let t = 0; t < Tx; t++) {
    const [a, yt, cache] = rnnCellForward(step(x, t), aNext, parameters);
    aNext = a;
    as.push(a);
    ys.push(yt);
    caches.push(cache);
  }
  return [tf.stack(as, 2) as tf.Tensor3D, tf.stack(ys, 2) as tf.Tensor3D, [caches, x]];
}

/**
 * One LSTM step on concat = [aPrev; xt]: forget, update (input) and output gates, candidate,
 * cNext = ft*cPrev + it*cct, aNext = ot*tanh(cNext), ŷ = softmax(Wy·aNext + by).
 * Returns [aNext, cNext, ytPred, cache].
 */
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
  const cct = tf.tanh(tf.add(tf.matMul(Wc, concat), bc)) as tf.Tensor2D;
  const cNext = tf.add(tf.mul(ft, cPrev), tf.mul(it, cct)) as tf.Tensor2D;
  const ot = tf.sigmoid(tf.add(tf.matMul(Wo, concat), bo)) as tf.Tensor2D;
  const aNext = tf.mul(ot, tf.tanh(cNext)) as tf.Tensor2D;
  const ytPred = softmax(tf.add(tf.matMul(Wy, aNext), by) as tf.Tensor2D);
  return [aNext, cNext, ytPred, [aNext, cNext, aPrev, cPrev, ft, it, cct, ot, xt, parameters]];
}

/** The LSTM cell over Tx steps from a0 and c = 0. Returns [a, y, c, caches] with caches = [cacheList, x]. */
export function lstmForward(
  x: tf.Tensor3D,
  a0: tf.Tensor2D,
  parameters: LstmParameters,
): [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, [LstmCache[], tf.Tensor3D]] {
  const Tx = x.shape[2];
  const caches: LstmCache[] = [];
  const as: tf.Tensor2D[] = [];
  const cs: tf.Tensor2D[] = [];
  const ys: tf.Tensor2D[] = [];
  let aNext = a0;
  let cNext = tf.zerosLike(a0) as tf.Tensor2D;
  for (let t = 0; t < Tx; t++) {
    const [a, c, yt, cache] = lstmCellForward(step(x, t), aNext, cNext, parameters);
    aNext = a;
    cNext = c;
    as.push(a);
    cs.push(c);
    ys.push(yt);
    caches.push(cache);
  }
  return [tf.stack(as, 2) as tf.Tensor3D, tf.stack(ys, 2) as tf.Tensor3D, tf.stack(cs, 2) as tf.Tensor3D, [caches, x]];
}

/** Gradients of one RNN step, given da_next = ∂J/∂a⟨t⟩. */
export function rnnCellBackward(daNext: tf.Tensor2D, cache: RnnCache): RnnCellGradients {
  const [aNext, aPrev, xt, parameters] = cache;
  const { Waa, Wax } = parameters;
  const dz = tf.mul(daNext, tf.sub(1, tf.square(aNext))) as tf.Tensor2D;
  return {
    dxt: tf.matMul(Wax, dz, true, false),
    daPrev: tf.matMul(Waa, dz, true, false),
    dWax: tf.matMul(dz, xt, false, true),
    dWaa: tf.matMul(dz, aPrev, false, true),
    dba: tf.sum(dz, 1, true) as tf.Tensor2D,
  };
}

/** Backpropagation through time: da is ∂J/∂a for every step, [nA, m, Tx]. */
export function rnnBackward(da: tf.Tensor3D, caches: [RnnCache[], tf.Tensor3D]): RnnGradients {
  const [cacheList] = caches;
  const Tx = da.shape[2];
  const { Waa, Wax } = cacheList[0]![3];
  let dWax = tf.zerosLike(Wax) as tf.Tensor2D;
  let dWaa = tf.zerosLike(Waa) as tf.Tensor2D;
  let dba = tf.zeros([Waa.shape[0], 1]) as tf.Tensor2D;
  let daPrevt = tf.zeros([da.shape[0], da.shape[1]]) as tf.Tensor2D;
  const dxs: tf.Tensor2D[] = new Array(Tx);
  for (let t = Tx - 1; t >= 0; t--) {
    const g = rnnCellBackward(tf.add(step(da, t), daPrevt) as tf.Tensor2D, cacheList[t]!);
    dxs[t] = g.dxt;
    daPrevt = g.daPrev;
    dWax = tf.add(dWax, g.dWax) as tf.Tensor2D;
    dWaa = tf.add(dWaa, g.dWaa) as tf.Tensor2D;
    dba = tf.add(dba, g.dba) as tf.Tensor2D;
  }
  return { dx: tf.stack(dxs, 2) as tf.Tensor3D, da0: daPrevt, dWax, dWaa, dba };
}

/** Gradients of one LSTM step, given ∂J/∂a⟨t⟩ and ∂J/∂c⟨t⟩. */
export function lstmCellBackward(daNext: tf.Tensor2D, dcNext: tf.Tensor2D, cache: LstmCache): LstmCellGradients {
  const [, cNext, aPrev, cPrev, ft, it, cct, ot, xt, parameters] = cache;
  const { Wf, Wi, Wc, Wo } = parameters;
  const nA = aPrev.shape[0];
  const tanhC = tf.tanh(cNext);
  // ∂J/∂c⟨t⟩ in total: what comes from the next step plus what comes through a⟨t⟩ = ot·tanh(c⟨t⟩).
  const dc = tf.add(dcNext, tf.mul(tf.mul(daNext, ot), tf.sub(1, tf.square(tanhC))));
  const dot = tf.mul(tf.mul(daNext, tanhC), tf.mul(ot, tf.sub(1, ot))) as tf.Tensor2D;
  const dcct = tf.mul(tf.mul(dc, it), tf.sub(1, tf.square(cct))) as tf.Tensor2D;
  const dit = tf.mul(tf.mul(dc, cct), tf.mul(it, tf.sub(1, it))) as tf.Tensor2D;
  const dft = tf.mul(tf.mul(dc, cPrev), tf.mul(ft, tf.sub(1, ft))) as tf.Tensor2D;
  const concat = tf.concat([aPrev, xt], 0);
  const part = (W: tf.Tensor2D, dz: tf.Tensor2D) => tf.matMul(W, dz, true, false);
  const dConcat = tf.addN([part(Wf, dft), part(Wi, dit), part(Wc, dcct), part(Wo, dot)]);
  const nX = xt.shape[0];
  return {
    dxt: tf.slice(dConcat, [nA, 0], [nX, -1]) as tf.Tensor2D,
    daPrev: tf.slice(dConcat, [0, 0], [nA, -1]) as tf.Tensor2D,
    dcPrev: tf.mul(dc, ft) as tf.Tensor2D,
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

/** Backpropagation through time for the LSTM: da is ∂J/∂a for every step, [nA, m, Tx]. */
export function lstmBackward(da: tf.Tensor3D, caches: [LstmCache[], tf.Tensor3D]): LstmGradients {
  const [cacheList] = caches;
  const Tx = da.shape[2];
  const p = cacheList[0]![9];
  const keys = ['Wf', 'Wi', 'Wc', 'Wo', 'bf', 'bi', 'bc', 'bo'] as const;
  const sums = Object.fromEntries(keys.map((k) => [`d${k}`, tf.zerosLike(p[k]) as tf.Tensor2D])) as Record<`d${(typeof keys)[number]}`, tf.Tensor2D>;
  let daPrevt = tf.zeros([da.shape[0], da.shape[1]]) as tf.Tensor2D;
  let dcPrevt = tf.zeros([da.shape[0], da.shape[1]]) as tf.Tensor2D;
  const dxs: tf.Tensor2D[] = new Array(Tx);
  for (let t = Tx - 1; t >= 0; t--) {
    const g = lstmCellBackward(tf.add(step(da, t), daPrevt) as tf.Tensor2D, dcPrevt, cacheList[t]!);
    dxs[t] = g.dxt;
    daPrevt = g.daPrev;
    dcPrevt = g.dcPrev;
    for (const k of keys) sums[`d${k}`] = tf.add(sums[`d${k}`], g[`d${k}`]) as tf.Tensor2D;
  }
  return { dx: tf.stack(dxs, 2) as tf.Tensor3D, da0: daPrevt, ...sums };
}

/**
 * One GRU step (a⟨t⟩ = c⟨t⟩): Γu = σ(Wu[c⟨t−1⟩; x⟨t⟩] + bu), Γr = σ(Wr[c⟨t−1⟩; x⟨t⟩] + br),
 * c̃ = tanh(Wc[Γr * c⟨t−1⟩; x⟨t⟩] + bc), c⟨t⟩ = Γu * c̃ + (1 − Γu) * c⟨t−1⟩, ŷ = softmax(Wy·c⟨t⟩ + by).
 * Returns [cNext, ytPred, cache].
 */
export function gruCellForward(xt: tf.Tensor2D, cPrev: tf.Tensor2D, parameters: GruParameters): [tf.Tensor2D, tf.Tensor2D, GruCache] {
  const { Wu, bu, Wr, br, Wc, bc, Wy, by } = parameters;
  const concat = tf.concat([cPrev, xt], 0);
  const gu = tf.sigmoid(tf.add(tf.matMul(Wu, concat), bu)) as tf.Tensor2D;
  const gr = tf.sigmoid(tf.add(tf.matMul(Wr, concat), br)) as tf.Tensor2D;
  const cct = tf.tanh(tf.add(tf.matMul(Wc, tf.concat([tf.mul(gr, cPrev), xt], 0)), bc)) as tf.Tensor2D;
  const cNext = tf.add(tf.mul(gu, cct), tf.mul(tf.sub(1, gu), cPrev)) as tf.Tensor2D;
  const ytPred = softmax(tf.add(tf.matMul(Wy, cNext), by) as tf.Tensor2D);
  return [cNext, ytPred, [cNext, cPrev, gu, gr, cct, xt, parameters]];
}

/** The GRU cell over Tx steps from c0. Returns [c, yPred, caches] with caches = [cacheList, x]. */
export function gruForward(x: tf.Tensor3D, c0: tf.Tensor2D, parameters: GruParameters): [tf.Tensor3D, tf.Tensor3D, [GruCache[], tf.Tensor3D]] {
  const Tx = x.shape[2];
  const caches: GruCache[] = [];
  const cs: tf.Tensor2D[] = [];
  const ys: tf.Tensor2D[] = [];
  let cNext = c0;
  for (let t = 0; t < Tx; t++) {
    const [c, yt, cache] = gruCellForward(step(x, t), cNext, parameters);
    cNext = c;
    cs.push(c);
    ys.push(yt);
    caches.push(cache);
  }
  return [tf.stack(cs, 2) as tf.Tensor3D, tf.stack(ys, 2) as tf.Tensor3D, [caches, x]];
}

/** Gradients of one GRU step, given dc_next = ∂J/∂c⟨t⟩. */
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
  const dcPrev = tf.addN([
    tf.mul(dcNext, tf.sub(1, gu)),
    tf.mul(dGated, gr),
    tf.matMul(left(Wu), dzu, true, false),
    tf.matMul(left(Wr), dzr, true, false),
  ]) as tf.Tensor2D;
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
