/**
 * Correct alternative with TensorFlow.js built-ins: forward passes use
 * tf.softmax (on the transposed logits), tf.sigmoid, tf.unstack/tf.stack, all in
 * tf.tidy; every backward pass is automatic differentiation — tf.grads of
 * J = Σ dNext ⊙ output, recomputed from the cache — instead of hand-derived
 * formulas.
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

/** Softmax over the first axis with the built-in (which works on the last). */
const softmax0 = (z: tf.Tensor2D): tf.Tensor2D => tf.transpose(tf.softmax(tf.transpose(z))) as tf.Tensor2D;

// ----- the bare cells, as pure functions of tensors (used forward and for tf.grads)

const rnnStep = (xt: tf.Tensor, a: tf.Tensor, Wax: tf.Tensor, Waa: tf.Tensor, ba: tf.Tensor) => tf.tanh(tf.add(tf.add(tf.matMul(Wax as tf.Tensor2D, xt as tf.Tensor2D), tf.matMul(Waa as tf.Tensor2D, a as tf.Tensor2D)), ba));

function lstmStep(xt: tf.Tensor, a: tf.Tensor, c: tf.Tensor, g: tf.Tensor[]) {
  const [Wf, bf, Wi, bi, Wc, bc, Wo, bo] = g as tf.Tensor2D[];
  const z = tf.concat([a, xt], 0) as tf.Tensor2D;
  const ft = tf.sigmoid(tf.add(tf.matMul(Wf!, z), bf!));
  const it = tf.sigmoid(tf.add(tf.matMul(Wi!, z), bi!));
  const cct = tf.tanh(tf.add(tf.matMul(Wc!, z), bc!));
  const ot = tf.sigmoid(tf.add(tf.matMul(Wo!, z), bo!));
  const cNext = tf.add(tf.mul(ft, c), tf.mul(it, cct));
  return { ft, it, cct, ot, cNext, aNext: tf.mul(ot, tf.tanh(cNext)) };
}

function gruStep(xt: tf.Tensor, c: tf.Tensor, g: tf.Tensor[]) {
  const [Wu, bu, Wr, br, Wc, bc] = g as tf.Tensor2D[];
  const z = tf.concat([c, xt], 0) as tf.Tensor2D;
  const gu = tf.sigmoid(tf.add(tf.matMul(Wu!, z), bu!));
  const gr = tf.sigmoid(tf.add(tf.matMul(Wr!, z), br!));
  const cct = tf.tanh(tf.add(tf.matMul(Wc!, tf.concat([tf.mul(gr, c), xt], 0) as tf.Tensor2D), bc!));
  return { gu, gr, cct, cNext: tf.add(tf.mul(gu, cct), tf.mul(tf.sub(1, gu), c)) };
}

const lstmKeys = ['Wf', 'bf', 'Wi', 'bi', 'Wc', 'bc', 'Wo', 'bo'] as const;
const gruKeys = ['Wu', 'bu', 'Wr', 'br', 'Wc', 'bc'] as const;

// ----- forward

export function rnnCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor2D, tf.Tensor2D, RnnCache] {
  const [aNext, yt] = tf.tidy(() => {
    const a = rnnStep(xt, aPrev, parameters.Wax, parameters.Waa, parameters.ba) as tf.Tensor2D;
    return [a, softmax0(tf.add(tf.matMul(parameters.Wya, a), parameters.by) as tf.Tensor2D)];
  });
  return [aNext!, yt!, [aNext!, aPrev, xt, parameters]];
}

export function rnnForward(x: tf.Tensor3D, a0: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor3D, tf.Tensor3D, [RnnCache[], tf.Tensor3D]] {
  const caches: RnnCache[] = [];
  let a = a0;
  for (const xt of tf.unstack(x, 2) as tf.Tensor2D[]) {
    const [aNext, , cache] = rnnCellForward(xt, a, parameters);
    caches.push(cache);
    a = aNext;
  }
  const as = caches.map((c) => c[0]);
  const ys = as.map((at) => tf.tidy(() => softmax0(tf.add(tf.matMul(parameters.Wya, at), parameters.by) as tf.Tensor2D)));
  return [tf.stack(as, 2) as tf.Tensor3D, tf.stack(ys, 2) as tf.Tensor3D, [caches, x]];
}

export function lstmCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, cPrev: tf.Tensor2D, parameters: LstmParameters): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, LstmCache] {
  const s = lstmStep(xt, aPrev, cPrev, lstmKeys.map((k) => parameters[k]));
  const yt = softmax0(tf.add(tf.matMul(parameters.Wy, s.aNext as tf.Tensor2D), parameters.by) as tf.Tensor2D);
  const [aNext, cNext, ft, it, cct, ot] = [s.aNext, s.cNext, s.ft, s.it, s.cct, s.ot] as tf.Tensor2D[];
  return [aNext!, cNext!, yt, [aNext!, cNext!, aPrev, cPrev, ft!, it!, cct!, ot!, xt, parameters]];
}

export function lstmForward(x: tf.Tensor3D, a0: tf.Tensor2D, parameters: LstmParameters): [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, [LstmCache[], tf.Tensor3D]] {
  const caches: LstmCache[] = [];
  const ys: tf.Tensor2D[] = [];
  let [a, c] = [a0, tf.zeros(a0.shape) as tf.Tensor2D];
  for (const xt of tf.unstack(x, 2) as tf.Tensor2D[]) {
    const [aNext, cNext, yt, cache] = lstmCellForward(xt, a, c, parameters);
    caches.push(cache);
    ys.push(yt);
    [a, c] = [aNext, cNext];
  }
  return [tf.stack(caches.map((k) => k[0]), 2) as tf.Tensor3D, tf.stack(ys, 2) as tf.Tensor3D, tf.stack(caches.map((k) => k[1]), 2) as tf.Tensor3D, [caches, x]];
}

export function gruCellForward(xt: tf.Tensor2D, cPrev: tf.Tensor2D, parameters: GruParameters): [tf.Tensor2D, tf.Tensor2D, GruCache] {
  const s = gruStep(xt, cPrev, gruKeys.map((k) => parameters[k]));
  const cNext = s.cNext as tf.Tensor2D;
  const yt = softmax0(tf.add(tf.matMul(parameters.Wy, cNext), parameters.by) as tf.Tensor2D);
  return [cNext, yt, [cNext, cPrev, s.gu as tf.Tensor2D, s.gr as tf.Tensor2D, s.cct as tf.Tensor2D, xt, parameters]];
}

export function gruForward(x: tf.Tensor3D, c0: tf.Tensor2D, parameters: GruParameters): [tf.Tensor3D, tf.Tensor3D, [GruCache[], tf.Tensor3D]] {
  const caches: GruCache[] = [];
  const ys: tf.Tensor2D[] = [];
  let c = c0;
  for (const xt of tf.unstack(x, 2) as tf.Tensor2D[]) {
    const [cNext, yt, cache] = gruCellForward(xt, c, parameters);
    caches.push(cache);
    ys.push(yt);
    c = cNext;
  }
  return [tf.stack(caches.map((k) => k[0]), 2) as tf.Tensor3D, tf.stack(ys, 2) as tf.Tensor3D, [caches, x]];
}

// ----- backward: tf.grads

export function rnnCellBackward(daNext: tf.Tensor2D, cache: RnnCache): RnnCellGradients {
  const [, aPrev, xt, p] = cache;
  const [dxt, daPrev, dWax, dWaa, dba] = tf.grads((x: tf.Tensor, a: tf.Tensor, Wax: tf.Tensor, Waa: tf.Tensor, ba: tf.Tensor) => tf.sum(tf.mul(rnnStep(x, a, Wax, Waa, ba), daNext)))([xt, aPrev, p.Wax, p.Waa, p.ba]) as tf.Tensor2D[];
  return { dxt: dxt!, daPrev: daPrev!, dWax: dWax!, dWaa: dWaa!, dba: dba! };
}

export function rnnBackward(da: tf.Tensor3D, caches: [RnnCache[], tf.Tensor3D]): RnnGradients {
  const [list] = caches;
  const p = list[0]![3];
  const das = tf.unstack(da, 2);
  // The steps are da's (the course's example passes 4 steps of da for a 7-step forward pass): the first das.length caches.
  const xs = list.slice(0, das.length).map((c) => c[2]);
  const J = (a0: tf.Tensor, Wax: tf.Tensor, Waa: tf.Tensor, ba: tf.Tensor, ...x: tf.Tensor[]) => {
    let a = a0;
    let total: tf.Tensor = tf.scalar(0);
    x.forEach((xt, t) => {
      a = rnnStep(xt, a, Wax, Waa, ba);
      total = tf.add(total, tf.sum(tf.mul(a, das[t]!)));
    });
    return total as tf.Scalar;
  };
  const g = tf.grads(J)([list[0]![1], p.Wax, p.Waa, p.ba, ...xs]) as tf.Tensor2D[];
  return { da0: g[0]!, dWax: g[1]!, dWaa: g[2]!, dba: g[3]!, dx: tf.stack(g.slice(4), 2) as tf.Tensor3D };
}

export function lstmCellBackward(daNext: tf.Tensor2D, dcNext: tf.Tensor2D, cache: LstmCache): LstmCellGradients {
  const [, , aPrev, cPrev, , , , , xt, p] = cache;
  const J = (x: tf.Tensor, a: tf.Tensor, c: tf.Tensor, ...gates: tf.Tensor[]) => {
    const s = lstmStep(x, a, c, gates);
    return tf.add(tf.sum(tf.mul(s.aNext, daNext)), tf.sum(tf.mul(s.cNext, dcNext))) as tf.Scalar;
  };
  const g = tf.grads(J)([xt, aPrev, cPrev, ...lstmKeys.map((k) => p[k])]) as tf.Tensor2D[];
  const out: Record<string, tf.Tensor2D> = { dxt: g[0]!, daPrev: g[1]!, dcPrev: g[2]! };
  lstmKeys.forEach((k, i) => (out[`d${k}`] = g[3 + i]!));
  return out as unknown as LstmCellGradients;
}

export function lstmBackward(da: tf.Tensor3D, caches: [LstmCache[], tf.Tensor3D]): LstmGradients {
  const [list] = caches;
  const p = list[0]![9];
  const das = tf.unstack(da, 2);
  // The steps are da's (the course's example passes 4 steps of da for a 7-step forward pass): the first das.length caches.
  const xs = list.slice(0, das.length).map((c) => c[8]);
  const c0 = list[0]![3];
  const J = (a0: tf.Tensor, ...rest: tf.Tensor[]) => {
    const gates = rest.slice(0, lstmKeys.length);
    let [a, c] = [a0, c0 as tf.Tensor];
    let total: tf.Tensor = tf.scalar(0);
    rest.slice(lstmKeys.length).forEach((xt, t) => {
      const s = lstmStep(xt, a, c, gates);
      [a, c] = [s.aNext, s.cNext];
      total = tf.add(total, tf.sum(tf.mul(a, das[t]!)));
    });
    return total as tf.Scalar;
  };
  const g = tf.grads(J)([list[0]![2], ...lstmKeys.map((k) => p[k]), ...xs]) as tf.Tensor2D[];
  const out: Record<string, tf.Tensor> = { da0: g[0]!, dx: tf.stack(g.slice(1 + lstmKeys.length), 2) };
  lstmKeys.forEach((k, i) => (out[`d${k}`] = g[1 + i]!));
  return out as unknown as LstmGradients;
}

export function gruCellBackward(dcNext: tf.Tensor2D, cache: GruCache): GruCellGradients {
  const [, cPrev, , , , xt, p] = cache;
  const J = (x: tf.Tensor, c: tf.Tensor, ...gates: tf.Tensor[]) => tf.sum(tf.mul(gruStep(x, c, gates).cNext, dcNext)) as tf.Scalar;
  const g = tf.grads(J)([xt, cPrev, ...gruKeys.map((k) => p[k])]) as tf.Tensor2D[];
  const out: Record<string, tf.Tensor2D> = { dxt: g[0]!, dcPrev: g[1]! };
  gruKeys.forEach((k, i) => (out[`d${k}`] = g[2 + i]!));
  return out as unknown as GruCellGradients;
}

export const alternative = {
  style: 'builtin',
  fns: ['rnnCellForward', 'rnnForward', 'lstmCellForward', 'lstmForward', 'rnnCellBackward', 'rnnBackward', 'lstmCellBackward', 'lstmBackward', 'gruCellForward', 'gruForward', 'gruCellBackward'],
};
