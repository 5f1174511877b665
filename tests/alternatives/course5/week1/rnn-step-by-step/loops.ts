/**
 * Correct alternative, course style: every tensor read with arraySync(), all the
 * maths in plain JavaScript loops (float64), results rebuilt with tf.tensor.
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

type M = number[][];

const arr = (t: tf.Tensor2D): M => t.arraySync() as M;
const T2 = (a: M): tf.Tensor2D => tf.tensor2d(a, [a.length, a[0]!.length]);
const zerosM = (r: number, c: number): M => Array.from({ length: r }, () => new Array<number>(c).fill(0));
function matmul(A: M, B: M): M {
  const n = A.length, k = B.length, m = B[0]!.length;
  const out = zerosM(n, m);
  for (let i = 0; i < n; i++) for (let p = 0; p < k; p++) { const a = A[i]![p]!; for (let j = 0; j < m; j++) out[i]![j]! += a * B[p]![j]!; }
  return out;
}
const transpose = (A: M): M => A[0]!.map((_, j) => A.map((row) => row[j]!));
const map2 = (A: M, B: M, f: (a: number, b: number) => number): M => A.map((row, i) => row.map((v, j) => f(v, B[i]![j]!)));
const map1 = (A: M, f: (a: number) => number): M => A.map((row) => row.map(f));
const addBias = (A: M, b: M): M => A.map((row, i) => row.map((v) => v + b[i]![0]!));
const sig = (v: number) => 1 / (1 + Math.exp(-v));
const rowSums = (A: M): M => A.map((row) => [row.reduce((s, v) => s + v, 0)]);
const vstack = (A: M, B: M): M => [...A.map((r) => [...r]), ...B.map((r) => [...r])];
function softmaxCols(Z: M): M {
  const n = Z.length, m = Z[0]!.length;
  const out = zerosM(n, m);
  for (let j = 0; j < m; j++) {
    let mx = -Infinity;
    for (let i = 0; i < n; i++) mx = Math.max(mx, Z[i]![j]!);
    let s = 0;
    for (let i = 0; i < n; i++) { out[i]![j] = Math.exp(Z[i]![j]! - mx); s += out[i]![j]!; }
    for (let i = 0; i < n; i++) out[i]![j]! /= s;
  }
  return out;
}
/** x[:, :, t] from a nested [n][m][T] array. */
const sliceT = (x: number[][][], t: number): M => x.map((row) => row.map((cell) => cell[t]!));
/** Stacks [T] matrices [n][m] into [n][m][T]. */
function stackT(ms: M[]): tf.Tensor3D {
  const n = ms[0]!.length, m = ms[0]![0]!.length;
  const out = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => ms.map((mt) => mt[i]![j]!)));
  return tf.tensor3d(out, [n, m, ms.length]);
}

export function rnnCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor2D, tf.Tensor2D, RnnCache] {
  const X = arr(xt), A = arr(aPrev);
  const z = addBias(map2(matmul(arr(parameters.Waa), A), matmul(arr(parameters.Wax), X), (a, b) => a + b), arr(parameters.ba));
  const a = map1(z, Math.tanh);
  const y = softmaxCols(addBias(matmul(arr(parameters.Wya), a), arr(parameters.by)));
  const aNext = T2(a);
  return [aNext, T2(y), [aNext, aPrev, xt, parameters]];
}

export function rnnForward(x: tf.Tensor3D, a0: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor3D, tf.Tensor3D, [RnnCache[], tf.Tensor3D]] {
  const X = x.arraySync();
  const Tx = x.shape[2];
  const caches: RnnCache[] = [];
  const as: M[] = [];
  const ys: M[] = [];
  let aPrev = a0;
  for (let t = 0; t < Tx; t++) {
    const [aNext, yt, cache] = rnnCellForward(T2(sliceT(X, t)), aPrev, parameters);
    as.push(arr(aNext));
    ys.push(arr(yt));
    caches.push(cache);
    aPrev = aNext;
  }
  return [stackT(as), stackT(ys), [caches, x]];
}

export function lstmCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, cPrev: tf.Tensor2D, parameters: LstmParameters): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, LstmCache] {
  const P = parameters;
  const concat = vstack(arr(aPrev), arr(xt));
  const gate = (W: tf.Tensor2D, b: tf.Tensor2D, f: (v: number) => number) => map1(addBias(matmul(arr(W), concat), arr(b)), f);
  const ft = gate(P.Wf, P.bf, sig);
  const it = gate(P.Wi, P.bi, sig);
  const cct = gate(P.Wc, P.bc, Math.tanh);
  const ot = gate(P.Wo, P.bo, sig);
  const C = arr(cPrev);
  const c = ft.map((row, i) => row.map((f, j) => f * C[i]![j]! + it[i]![j]! * cct[i]![j]!));
  const a = ot.map((row, i) => row.map((o, j) => o * Math.tanh(c[i]![j]!)));
  const y = softmaxCols(addBias(matmul(arr(P.Wy), a), arr(P.by)));
  const [aNext, cNext] = [T2(a), T2(c)];
  return [aNext, cNext, T2(y), [aNext, cNext, aPrev, cPrev, T2(ft), T2(it), T2(cct), T2(ot), xt, parameters]];
}

export function lstmForward(x: tf.Tensor3D, a0: tf.Tensor2D, parameters: LstmParameters): [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, [LstmCache[], tf.Tensor3D]] {
  const X = x.arraySync();
  const Tx = x.shape[2];
  const caches: LstmCache[] = [];
  const as: M[] = [], cs: M[] = [], ys: M[] = [];
  let aPrev = a0;
  let cPrev = T2(zerosM(a0.shape[0], a0.shape[1]));
  for (let t = 0; t < Tx; t++) {
    const [aNext, cNext, yt, cache] = lstmCellForward(T2(sliceT(X, t)), aPrev, cPrev, parameters);
    as.push(arr(aNext));
    cs.push(arr(cNext));
    ys.push(arr(yt));
    caches.push(cache);
    [aPrev, cPrev] = [aNext, cNext];
  }
  return [stackT(as), stackT(ys), stackT(cs), [caches, x]];
}

function rnnCellGrads(da: M, cache: RnnCache) {
  const [aNext, aPrev, xt, p] = cache;
  const A = arr(aNext);
  const dz = map2(da, A, (g, a) => g * (1 - a * a));
  return {
    dxt: matmul(transpose(arr(p.Wax)), dz),
    daPrev: matmul(transpose(arr(p.Waa)), dz),
    dWax: matmul(dz, transpose(arr(xt))),
    dWaa: matmul(dz, transpose(arr(aPrev))),
    dba: rowSums(dz),
  };
}

export function rnnCellBackward(daNext: tf.Tensor2D, cache: RnnCache): RnnCellGradients {
  const g = rnnCellGrads(arr(daNext), cache);
  return { dxt: T2(g.dxt), daPrev: T2(g.daPrev), dWax: T2(g.dWax), dWaa: T2(g.dWaa), dba: T2(g.dba) };
}

const addInto = (acc: M, g: M) => { for (let i = 0; i < acc.length; i++) for (let j = 0; j < acc[0]!.length; j++) acc[i]![j]! += g[i]![j]!; };

export function rnnBackward(da: tf.Tensor3D, caches: [RnnCache[], tf.Tensor3D]): RnnGradients {
  const [list] = caches;
  const D = da.arraySync();
  const [nA, m, Tx] = da.shape;
  const p = list[0]![3];
  const [nX] = list[0]![2].shape;
  const dWax = zerosM(nA, nX), dWaa = zerosM(nA, nA), dba = zerosM(nA, 1);
  let daPrev = zerosM(nA, m);
  const dxs: M[] = new Array(Tx);
  for (let t = Tx - 1; t >= 0; t--) {
    const g = rnnCellGrads(map2(sliceT(D, t), daPrev, (a, b) => a + b), list[t]!);
    dxs[t] = g.dxt;
    daPrev = g.daPrev;
    addInto(dWax, g.dWax);
    addInto(dWaa, g.dWaa);
    addInto(dba, g.dba);
  }
  void p;
  return { dx: stackT(dxs), da0: T2(daPrev), dWax: T2(dWax), dWaa: T2(dWaa), dba: T2(dba) };
}

function lstmCellGrads(daNext: M, dcNext: M, cache: LstmCache) {
  const [, cNextT, aPrevT, cPrevT, ftT, itT, cctT, otT, xtT, p] = cache;
  const [cN, cP, ft, it, cct, ot] = [cNextT, cPrevT, ftT, itT, cctT, otT].map(arr) as [M, M, M, M, M, M];
  const nA = cN.length, m = cN[0]!.length;
  const dot = zerosM(nA, m), dcct = zerosM(nA, m), dit = zerosM(nA, m), dft = zerosM(nA, m), dcPrev = zerosM(nA, m);
  for (let i = 0; i < nA; i++) {
    for (let j = 0; j < m; j++) {
      const th = Math.tanh(cN[i]![j]!);
      const o = ot[i]![j]!, f = ft[i]![j]!, u = it[i]![j]!, cc = cct[i]![j]!;
      const dc = dcNext[i]![j]! + daNext[i]![j]! * o * (1 - th * th);
      dot[i]![j] = daNext[i]![j]! * th * o * (1 - o);
      dcct[i]![j] = dc * u * (1 - cc * cc);
      dit[i]![j] = dc * cc * u * (1 - u);
      dft[i]![j] = dc * cP[i]![j]! * f * (1 - f);
      dcPrev[i]![j] = dc * f;
    }
  }
  const concat = vstack(arr(aPrevT), arr(xtT));
  const concatT = transpose(concat);
  const dConcat = zerosM(concat.length, m);
  for (const [W, dz] of [[p.Wf, dft], [p.Wi, dit], [p.Wc, dcct], [p.Wo, dot]] as [tf.Tensor2D, M][]) addInto(dConcat, matmul(transpose(arr(W)), dz));
  return {
    dxt: dConcat.slice(nA),
    daPrev: dConcat.slice(0, nA),
    dcPrev,
    dWf: matmul(dft, concatT), dWi: matmul(dit, concatT), dWc: matmul(dcct, concatT), dWo: matmul(dot, concatT),
    dbf: rowSums(dft), dbi: rowSums(dit), dbc: rowSums(dcct), dbo: rowSums(dot),
  };
}

export function lstmCellBackward(daNext: tf.Tensor2D, dcNext: tf.Tensor2D, cache: LstmCache): LstmCellGradients {
  const g = lstmCellGrads(arr(daNext), arr(dcNext), cache);
  return Object.fromEntries(Object.entries(g).map(([k, v]) => [k, T2(v)])) as unknown as LstmCellGradients;
}

export function lstmBackward(da: tf.Tensor3D, caches: [LstmCache[], tf.Tensor3D]): LstmGradients {
  const [list] = caches;
  const D = da.arraySync();
  const [nA, m, Tx] = da.shape;
  const nCols = list[0]![9].Wf.shape[1];
  const keys = ['dWf', 'dWi', 'dWc', 'dWo', 'dbf', 'dbi', 'dbc', 'dbo'] as const;
  const acc: Record<string, M> = {};
  for (const k of keys) acc[k] = k.startsWith('dW') ? zerosM(nA, nCols) : zerosM(nA, 1);
  let daPrev = zerosM(nA, m);
  let dcPrev = zerosM(nA, m);
  const dxs: M[] = new Array(Tx);
  for (let t = Tx - 1; t >= 0; t--) {
    const g = lstmCellGrads(map2(sliceT(D, t), daPrev, (a, b) => a + b), dcPrev, list[t]!);
    dxs[t] = g.dxt;
    daPrev = g.daPrev;
    dcPrev = g.dcPrev;
    for (const k of keys) addInto(acc[k]!, g[k]);
  }
  const out: Record<string, tf.Tensor> = { dx: stackT(dxs), da0: T2(daPrev) };
  for (const k of keys) out[k] = T2(acc[k]!);
  return out as unknown as LstmGradients;
}

export function gruCellForward(xt: tf.Tensor2D, cPrev: tf.Tensor2D, parameters: GruParameters): [tf.Tensor2D, tf.Tensor2D, GruCache] {
  const P = parameters;
  const X = arr(xt), C = arr(cPrev);
  const concat = vstack(C, X);
  const gu = map1(addBias(matmul(arr(P.Wu), concat), arr(P.bu)), sig);
  const gr = map1(addBias(matmul(arr(P.Wr), concat), arr(P.br)), sig);
  const gated = vstack(map2(gr, C, (r, c) => r * c), X);
  const cct = map1(addBias(matmul(arr(P.Wc), gated), arr(P.bc)), Math.tanh);
  const c = gu.map((row, i) => row.map((u, j) => u * cct[i]![j]! + (1 - u) * C[i]![j]!));
  const y = softmaxCols(addBias(matmul(arr(P.Wy), c), arr(P.by)));
  const cNext = T2(c);
  return [cNext, T2(y), [cNext, cPrev, T2(gu), T2(gr), T2(cct), xt, parameters]];
}

export function gruForward(x: tf.Tensor3D, c0: tf.Tensor2D, parameters: GruParameters): [tf.Tensor3D, tf.Tensor3D, [GruCache[], tf.Tensor3D]] {
  const X = x.arraySync();
  const caches: GruCache[] = [];
  const cs: M[] = [], ys: M[] = [];
  let c = c0;
  for (let t = 0; t < x.shape[2]; t++) {
    const [cNext, yt, cache] = gruCellForward(T2(sliceT(X, t)), c, parameters);
    cs.push(arr(cNext));
    ys.push(arr(yt));
    caches.push(cache);
    c = cNext;
  }
  return [stackT(cs), stackT(ys), [caches, x]];
}

export function gruCellBackward(dcNext: tf.Tensor2D, cache: GruCache): GruCellGradients {
  const [, cPrevT, guT, grT, cctT, xtT, p] = cache;
  const [C, gu, gr, cct, X, dc] = [cPrevT, guT, grT, cctT, xtT, dcNext].map(arr) as [M, M, M, M, M, M];
  const nA = C.length, m = C[0]!.length;
  const Wc = arr(p.Wc), Wu = arr(p.Wu), Wr = arr(p.Wr);
  const left = (W: M) => W.map((r) => r.slice(0, nA));
  const right = (W: M) => W.map((r) => r.slice(nA));
  const dzc = zerosM(nA, m), dzu = zerosM(nA, m);
  for (let i = 0; i < nA; i++) for (let j = 0; j < m; j++) {
    const u = gu[i]![j]!, cc = cct[i]![j]!;
    dzc[i]![j] = dc[i]![j]! * u * (1 - cc * cc);
    dzu[i]![j] = dc[i]![j]! * (cc - C[i]![j]!) * u * (1 - u);
  }
  const dGated = matmul(transpose(left(Wc)), dzc);
  const dzr = zerosM(nA, m);
  for (let i = 0; i < nA; i++) for (let j = 0; j < m; j++) { const r = gr[i]![j]!; dzr[i]![j] = dGated[i]![j]! * C[i]![j]! * r * (1 - r); }
  const dcPrev = zerosM(nA, m);
  for (let i = 0; i < nA; i++) for (let j = 0; j < m; j++) dcPrev[i]![j] = dc[i]![j]! * (1 - gu[i]![j]!) + dGated[i]![j]! * gr[i]![j]!;
  addInto(dcPrev, matmul(transpose(left(Wu)), dzu));
  addInto(dcPrev, matmul(transpose(left(Wr)), dzr));
  const dxt = matmul(transpose(right(Wc)), dzc);
  addInto(dxt, matmul(transpose(right(Wu)), dzu));
  addInto(dxt, matmul(transpose(right(Wr)), dzr));
  const concatT = transpose(vstack(C, X));
  const gatedT = transpose(vstack(map2(gr, C, (r, c) => r * c), X));
  return {
    dxt: T2(dxt),
    dcPrev: T2(dcPrev),
    dWu: T2(matmul(dzu, concatT)),
    dbu: T2(rowSums(dzu)),
    dWr: T2(matmul(dzr, concatT)),
    dbr: T2(rowSums(dzr)),
    dWc: T2(matmul(dzc, gatedT)),
    dbc: T2(rowSums(dzc)),
  };
}

export const alternative = {
  style: 'loops',
  fns: ['rnnCellForward', 'rnnForward', 'lstmCellForward', 'lstmForward', 'rnnCellBackward', 'rnnBackward', 'lstmCellBackward', 'lstmBackward', 'gruCellForward', 'gruForward', 'gruCellBackward'],
};
