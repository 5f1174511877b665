/**
 * Correct alternative, course style: parameters read with arraySync(), the
 * forward pass, backpropagation through time, clipping and the update all in
 * plain JavaScript loops (float64); tensors rebuilt with tf.tensor.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { getInitialLoss, getSample, initializeParameters, smooth, type CharGradients, type CharParameters } from '../../../../../lib/dinosaur-utils';

type M = number[][];
const arr = (t: tf.Tensor2D): M => t.arraySync() as M;
const T2 = (a: M): tf.Tensor2D => tf.tensor2d(a, [a.length, a[0]!.length]);
const zerosM = (r: number, c: number): M => Array.from({ length: r }, () => new Array<number>(c).fill(0));
/** W·v for a column vector v given as a plain array. */
const mv = (W: M, v: number[]): number[] => W.map((row) => row.reduce((s, w, j) => s + w * v[j]!, 0));
/** Column of W (W[:, j]) as an array: W·onehot(j). */
const col = (W: M, j: number): number[] => W.map((row) => row[j]!);
function softmaxVec(z: number[]): number[] {
  const mx = Math.max(...z);
  const e = z.map((v) => Math.exp(v - mx));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

export function clip(gradients: CharGradients, maxValue: number): CharGradients {
  const out: Record<string, tf.Tensor2D> = {};
  for (const key of ['dWaa', 'dWax', 'dWya', 'db', 'dby'] as const) {
    const g = arr(gradients[key]);
    for (const row of g) for (let j = 0; j < row.length; j++) {
      if (row[j]! > maxValue) row[j] = maxValue;
      else if (row[j]! < -maxValue) row[j] = -maxValue;
    }
    out[key] = T2(g);
  }
  return out as CharGradients;
}

export function sample(parameters: CharParameters, charToIx: Record<string, number>, seed: number): number[] {
  const [Waa, Wax, Wya] = [arr(parameters.Waa), arr(parameters.Wax), arr(parameters.Wya)];
  const b = arr(parameters.b).map((r) => r[0]!);
  const by = arr(parameters.by).map((r) => r[0]!);
  const vocab = by.length;
  const newline = charToIx['\n']!;
  let a = new Array<number>(Waa.length).fill(0);
  let prev: number | null = null;
  const out: number[] = [];
  let counter = 0;
  for (;;) {
    const wx = prev === null ? new Array<number>(a.length).fill(0) : col(Wax, prev);
    const wa = mv(Waa, a);
    a = wa.map((v, i) => Math.tanh(wx[i]! + v + b[i]!));
    const y = softmaxVec(mv(Wya, a).map((v, i) => v + by[i]!));
    np.random.seed(counter + seed);
    const idx = np.random.choice(vocab, { p: y });
    out.push(idx);
    prev = idx;
    seed++;
    counter++;
    if (idx === newline) break;
    if (counter === 50) {
      out.push(newline);
      break;
    }
  }
  return out;
}

export function optimize(X: (number | null)[], Y: number[], aPrev: tf.Tensor2D, parameters: CharParameters, learningRate = 0.01): [number, CharGradients, tf.Tensor2D, CharParameters] {
  const P = { Wax: arr(parameters.Wax), Waa: arr(parameters.Waa), Wya: arr(parameters.Wya), b: arr(parameters.b), by: arr(parameters.by) };
  const nA = P.Waa.length, V = P.by.length;
  const as: number[][] = [arr(aPrev).map((r) => r[0]!)];
  const ys: number[][] = [];
  let loss = 0;
  for (let t = 0; t < X.length; t++) {
    const xi = X[t];
    const wx = xi === null || xi === undefined ? new Array<number>(nA).fill(0) : col(P.Wax, xi);
    const wa = mv(P.Waa, as[t]!);
    const a = wa.map((v, i) => Math.tanh(wx[i]! + v + P.b[i]![0]!));
    const y = softmaxVec(mv(P.Wya, a).map((v, i) => v + P.by[i]![0]!));
    loss -= Math.log(y[Y[t]!]!);
    as.push(a);
    ys.push(y);
  }
  const g = { dWax: zerosM(nA, V), dWaa: zerosM(nA, nA), dWya: zerosM(V, nA), db: zerosM(nA, 1), dby: zerosM(V, 1) };
  let daNext = new Array<number>(nA).fill(0);
  for (let t = X.length - 1; t >= 0; t--) {
    const dy = ys[t]!.map((v, k) => v - (k === Y[t] ? 1 : 0));
    const a = as[t + 1]!, ap = as[t]!;
    for (let k = 0; k < V; k++) {
      g.dby[k]![0]! += dy[k]!;
      for (let i = 0; i < nA; i++) g.dWya[k]![i]! += dy[k]! * a[i]!;
    }
    const draw = a.map((ai, i) => {
      let da = daNext[i]!;
      for (let k = 0; k < V; k++) da += P.Wya[k]![i]! * dy[k]!;
      return (1 - ai * ai) * da;
    });
    const xi = X[t];
    for (let i = 0; i < nA; i++) {
      g.db[i]![0]! += draw[i]!;
      if (xi !== null && xi !== undefined) g.dWax[i]![xi]! += draw[i]!;
      for (let j = 0; j < nA; j++) g.dWaa[i]![j]! += draw[i]! * ap[j]!;
    }
    daNext = ap.map((_, j) => draw.reduce((s, d, i) => s + P.Waa[i]![j]! * d, 0));
  }
  const clipV = (v: number) => Math.min(5, Math.max(-5, v));
  const clipped = { dWax: g.dWax.map((r) => r.map(clipV)), dWaa: g.dWaa.map((r) => r.map(clipV)), dWya: g.dWya.map((r) => r.map(clipV)), db: g.db.map((r) => r.map(clipV)), dby: g.dby.map((r) => r.map(clipV)) };
  const upd = (W: M, dW: M) => W.map((r, i) => r.map((w, j) => w - learningRate * dW[i]![j]!));
  const updated: CharParameters = {
    Wax: T2(upd(P.Wax, clipped.dWax)),
    Waa: T2(upd(P.Waa, clipped.dWaa)),
    Wya: T2(upd(P.Wya, clipped.dWya)),
    b: T2(upd(P.b, clipped.db)),
    by: T2(upd(P.by, clipped.dby)),
  };
  const grads: CharGradients = { dWax: T2(clipped.dWax), dWaa: T2(clipped.dWaa), dWya: T2(clipped.dWya), db: T2(clipped.db), dby: T2(clipped.dby) };
  const aLast = T2(as[as.length - 1]!.map((v) => [v]));
  return [loss, grads, aLast, updated];
}

export function model(
  data: string[],
  ixToChar: Record<number, string>,
  charToIx: Record<string, number>,
  numIterations = 35000,
  nA = 50,
  dinoNames = 7,
  printEvery = 2000,
): { parameters: CharParameters; losses: number[]; lastDinoName: string } {
  const nX = Object.keys(charToIx).length;
  let parameters = initializeParameters(nA, nX, nX);
  let loss = getInitialLoss(nX, dinoNames);
  const names: string[] = [];
  for (const d of data) names.push(d.trim());
  np.random.seed(0);
  np.random.shuffle(names);
  let a = tf.zeros([nA, 1]) as tf.Tensor2D;
  const losses: number[] = [];
  let last = '';
  for (let it = 0; it < numIterations; it++) {
    const name = names[it % names.length]!;
    const X: (number | null)[] = [null];
    for (const ch of name) X.push(charToIx[ch]!);
    const Y: number[] = [];
    for (let t = 1; t < X.length; t++) Y.push(X[t] as number);
    Y.push(charToIx['\n']!);
    let curLoss: number;
    [curLoss, , a, parameters] = optimize(X, Y, a, parameters, 0.01);
    loss = smooth(loss, curLoss);
    losses.push(loss);
    if (it % printEvery === 0) {
      console.log(`Iteration: ${it}, Loss: ${loss.toFixed(6)}`);
      for (let s = 0; s < dinoNames; s++) {
        last = getSample(sample(parameters, charToIx, s), ixToChar);
        console.log(last.replace('\n', ''));
      }
    }
  }
  return { parameters, losses, lastDinoName: last };
}

export const alternative = { style: 'loops', fns: ['clip', 'sample', 'optimize', 'model'] };
