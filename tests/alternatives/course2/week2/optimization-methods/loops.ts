/** Course-style: arraySync() the records, update every entry with plain JavaScript loops (float64), tf.tensor2d back. */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { initializeNetParameters, netBackward, netCostTotal, netForward } from '../../../../../lib/datasets/moons-network';

export type Parameters = { [key: string]: tf.Tensor2D };
export type Grads = { [key: string]: tf.Tensor2D };
export type Moments = { [key: string]: tf.Tensor2D };
export type MiniBatch = [tf.Tensor2D, tf.Tensor2D];
export type Optimizer = 'gd' | 'momentum' | 'adam';
export type LrDecay = (learningRate0: number, epochNum: number, decayRate: number) => number;
export type TrainingResult = { parameters: Parameters; costs: number[] };

type M = number[][];
const arr = (t: tf.Tensor2D): M => t.arraySync() as M;
const mat = (a: M, shape: [number, number]): tf.Tensor2D => tf.tensor2d(a.flat(), shape);
const mapM = (a: M, f: (v: number, i: number, j: number) => number): M => a.map((row, i) => row.map((v, j) => f(v, i, j)));

function numLayers(parameters: Parameters): number {
  let L = 0;
  while (parameters[`W${L + 1}`] !== undefined) L++;
  return L;
}

export function randomMiniBatches(X: tf.Tensor2D, Y: tf.Tensor2D, miniBatchSize = 64, seed = 0): MiniBatch[] {
  np.random.seed(seed);
  const m = X.shape[1];
  const perm = np.random.permutation(m);
  const x = arr(X);
  const y = arr(Y);
  const batches: MiniBatch[] = [];
  for (let start = 0; start < m; start += miniBatchSize) {
    const end = Math.min(start + miniBatchSize, m);
    const bx: M = x.map(() => []);
    const by: M = y.map(() => []);
    for (let c = start; c < end; c++) {
      for (let r = 0; r < x.length; r++) bx[r]!.push(x[r]![perm[c]!]!);
      for (let r = 0; r < y.length; r++) by[r]!.push(y[r]![perm[c]!]!);
    }
    batches.push([mat(bx, [x.length, end - start]), mat(by, [y.length, end - start])]);
  }
  return batches;
}

export function updateParametersWithGd(parameters: Parameters, grads: Grads, learningRate: number): Parameters {
  const out: Parameters = {};
  for (let l = 1; l <= numLayers(parameters); l++) {
    for (const p of ['W', 'b']) {
      const theta = parameters[`${p}${l}`]!;
      const g = arr(grads[`d${p}${l}`]!);
      out[`${p}${l}`] = mat(mapM(arr(theta), (v, i, j) => v - learningRate * g[i]![j]!), theta.shape);
    }
  }
  return out;
}

function zerosRecord(parameters: Parameters): Moments {
  const out: Moments = {};
  for (let l = 1; l <= numLayers(parameters); l++) {
    for (const p of ['W', 'b']) {
      const [r, c] = parameters[`${p}${l}`]!.shape;
      const z: M = [];
      for (let i = 0; i < r; i++) z.push(new Array<number>(c).fill(0));
      out[`d${p}${l}`] = mat(z, [r, c]);
    }
  }
  return out;
}

export function initializeVelocity(parameters: Parameters): Moments {
  return zerosRecord(parameters);
}

export function updateParametersWithMomentum(parameters: Parameters, grads: Grads, v: Moments, beta: number, learningRate: number): [Parameters, Moments] {
  const P: Parameters = {};
  const V: Moments = {};
  for (let l = 1; l <= numLayers(parameters); l++) {
    for (const p of ['W', 'b']) {
      const shape = parameters[`${p}${l}`]!.shape;
      const g = arr(grads[`d${p}${l}`]!);
      const vNew = mapM(arr(v[`d${p}${l}`]!), (vi, i, j) => beta * vi + (1 - beta) * g[i]![j]!);
      V[`d${p}${l}`] = mat(vNew, shape);
      P[`${p}${l}`] = mat(mapM(arr(parameters[`${p}${l}`]!), (t, i, j) => t - learningRate * vNew[i]![j]!), shape);
    }
  }
  return [P, V];
}

export function initializeRmsprop(parameters: Parameters): Moments {
  return zerosRecord(parameters);
}

export function updateParametersWithRmsprop(parameters: Parameters, grads: Grads, s: Moments, beta2: number, learningRate: number, epsilon: number): [Parameters, Moments] {
  const P: Parameters = {};
  const S: Moments = {};
  for (let l = 1; l <= numLayers(parameters); l++) {
    for (const p of ['W', 'b']) {
      const shape = parameters[`${p}${l}`]!.shape;
      const g = arr(grads[`d${p}${l}`]!);
      const sNew = mapM(arr(s[`d${p}${l}`]!), (si, i, j) => beta2 * si + (1 - beta2) * g[i]![j]! * g[i]![j]!);
      S[`d${p}${l}`] = mat(sNew, shape);
      P[`${p}${l}`] = mat(mapM(arr(parameters[`${p}${l}`]!), (t, i, j) => t - (learningRate * g[i]![j]!) / (Math.sqrt(sNew[i]![j]!) + epsilon)), shape);
    }
  }
  return [P, S];
}

export function initializeAdam(parameters: Parameters): [Moments, Moments] {
  return [zerosRecord(parameters), zerosRecord(parameters)];
}

export function updateParametersWithAdam(
  parameters: Parameters,
  grads: Grads,
  v: Moments,
  s: Moments,
  t: number,
  learningRate = 0.01,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon = 1e-8,
): [Parameters, Moments, Moments, Moments, Moments] {
  const P: Parameters = {};
  const V: Moments = {};
  const S: Moments = {};
  const VC: Moments = {};
  const SC: Moments = {};
  const c1 = 1 - beta1 ** t;
  const c2 = 1 - beta2 ** t;
  for (let l = 1; l <= numLayers(parameters); l++) {
    for (const p of ['W', 'b']) {
      const k = `d${p}${l}`;
      const shape = parameters[`${p}${l}`]!.shape;
      const g = arr(grads[k]!);
      const vNew = mapM(arr(v[k]!), (x, i, j) => beta1 * x + (1 - beta1) * g[i]![j]!);
      const sNew = mapM(arr(s[k]!), (x, i, j) => beta2 * x + (1 - beta2) * g[i]![j]! ** 2);
      const vHat = mapM(vNew, (x) => x / c1);
      const sHat = mapM(sNew, (x) => x / c2);
      V[k] = mat(vNew, shape);
      S[k] = mat(sNew, shape);
      VC[k] = mat(vHat, shape);
      SC[k] = mat(sHat, shape);
      P[`${p}${l}`] = mat(mapM(arr(parameters[`${p}${l}`]!), (x, i, j) => x - (learningRate * vHat[i]![j]!) / (Math.sqrt(sHat[i]![j]!) + epsilon)), shape);
    }
  }
  return [P, V, S, VC, SC];
}

export function updateLr(learningRate0: number, epochNum: number, decayRate: number): number {
  const denominator = 1 + decayRate * epochNum;
  return learningRate0 / denominator;
}

export function scheduleLrDecay(learningRate0: number, epochNum: number, decayRate: number, timeInterval = 1000): number {
  const drops = Math.floor(epochNum / timeInterval);
  return learningRate0 / (1 + decayRate * drops);
}

export function model(
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  layersDims: number[],
  optimizer: Optimizer,
  learningRate = 0.0007,
  miniBatchSize = 64,
  beta = 0.9,
  beta1 = 0.9,
  beta2 = 0.999,
  epsilon = 1e-8,
  numEpochs = 5000,
  printCost = true,
  decay?: LrDecay,
  decayRate = 1,
): TrainingResult {
  const costs: number[] = [];
  let t = 0;
  let seed = 10;
  const m = X.shape[1];
  const learningRate0 = learningRate;
  let parameters = initializeNetParameters(layersDims);
  let v: Moments = {};
  let s: Moments = {};
  if (optimizer === 'momentum') v = initializeVelocity(parameters);
  else if (optimizer === 'adam') [v, s] = initializeAdam(parameters);
  for (let i = 0; i < numEpochs; i++) {
    seed = seed + 1;
    const minibatches = randomMiniBatches(X, Y, miniBatchSize, seed);
    let costTotal = 0;
    for (const minibatch of minibatches) {
      const [minibatchX, minibatchY] = minibatch;
      const [a3, caches] = netForward(minibatchX, parameters);
      costTotal += netCostTotal(a3, minibatchY);
      const grads = netBackward(minibatchX, minibatchY, caches);
      if (optimizer === 'gd') {
        parameters = updateParametersWithGd(parameters, grads, learningRate);
      } else if (optimizer === 'momentum') {
        [parameters, v] = updateParametersWithMomentum(parameters, grads, v, beta, learningRate);
      } else if (optimizer === 'adam') {
        t = t + 1;
        [parameters, v, s] = updateParametersWithAdam(parameters, grads, v, s, t, learningRate, beta1, beta2, epsilon);
      }
    }
    const costAvg = costTotal / m;
    if (decay) learningRate = decay(learningRate0, i, decayRate);
    if (printCost && i % 1000 === 0) console.log(`Cost after epoch ${i}: ${costAvg}`);
    costs.push(costAvg);
  }
  return { parameters, costs };
}

export const alternative = {
  style: 'loops',
  fns: [
    'randomMiniBatches', 'updateParametersWithGd', 'initializeVelocity', 'updateParametersWithMomentum', 'initializeRmsprop',
    'updateParametersWithRmsprop', 'initializeAdam', 'updateParametersWithAdam', 'updateLr', 'scheduleLrDecay', 'model',
  ],
};
