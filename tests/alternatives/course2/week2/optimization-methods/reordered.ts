/** Vectorised, rearranged: gather each batch's columns directly, v = g + β(v − g), s += (1 − β2)(g² − s), multiply by reciprocals, a global step counter. */
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

/** The parameter names present, last layer first: bL, WL, …, b1, W1. */
function names(parameters: Parameters): string[] {
  const L = Object.keys(parameters).filter((k) => k.startsWith('W')).length;
  const out: string[] = [];
  for (let l = L; l >= 1; l--) out.push(`b${l}`, `W${l}`);
  return out;
}

export function randomMiniBatches(X: tf.Tensor2D, Y: tf.Tensor2D, miniBatchSize = 64, seed = 0): MiniBatch[] {
  np.random.seed(seed);
  const m = Y.shape[1];
  const order = np.random.permutation(m);
  const count = Math.ceil(m / miniBatchSize);
  return Array.from({ length: count }, (_, k) => {
    const idx = tf.tensor1d(order.slice(k * miniBatchSize, (k + 1) * miniBatchSize), 'int32');
    const pair: MiniBatch = [tf.gather(X, idx, 1) as tf.Tensor2D, tf.gather(Y, idx, 1) as tf.Tensor2D];
    idx.dispose();
    return pair;
  });
}

export function updateParametersWithGd(parameters: Parameters, grads: Grads, learningRate: number): Parameters {
  const out: Parameters = {};
  for (const name of names(parameters)) out[name] = grads[`d${name}`]!.mul(-learningRate).add(parameters[name]!) as tf.Tensor2D;
  return out;
}

export function initializeVelocity(parameters: Parameters): Moments {
  return Object.fromEntries(names(parameters).map((n) => [`d${n}`, tf.zeros(parameters[n]!.shape) as tf.Tensor2D]));
}

export function updateParametersWithMomentum(parameters: Parameters, grads: Grads, v: Moments, beta: number, learningRate: number): [Parameters, Moments] {
  const velocity: Moments = {};
  const params: Parameters = {};
  for (const name of names(parameters)) {
    const g = grads[`d${name}`]!;
    velocity[`d${name}`] = g.add(v[`d${name}`]!.sub(g).mul(beta)) as tf.Tensor2D;
    params[name] = parameters[name]!.sub(velocity[`d${name}`]!.mul(learningRate)) as tf.Tensor2D;
  }
  return [params, velocity];
}

export function initializeRmsprop(parameters: Parameters): Moments {
  return initializeVelocity(parameters);
}

export function updateParametersWithRmsprop(parameters: Parameters, grads: Grads, s: Moments, beta2: number, learningRate: number, epsilon: number): [Parameters, Moments] {
  const sq: Moments = {};
  const params: Parameters = {};
  for (const name of names(parameters)) {
    const g = grads[`d${name}`]!;
    const old = s[`d${name}`]!;
    sq[`d${name}`] = old.add(g.mul(g).sub(old).mul(1 - beta2)) as tf.Tensor2D;
    params[name] = parameters[name]!.sub(g.mul(learningRate).div(sq[`d${name}`]!.sqrt().add(epsilon))) as tf.Tensor2D;
  }
  return [params, sq];
}

export function initializeAdam(parameters: Parameters): [Moments, Moments] {
  const first = initializeVelocity(parameters);
  const second = initializeRmsprop(parameters);
  return [first, second];
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
  const out: [Parameters, Moments, Moments, Moments, Moments] = [{}, {}, {}, {}, {}];
  const inv1 = 1 / (1 - Math.pow(beta1, t));
  const inv2 = 1 / (1 - Math.pow(beta2, t));
  for (const name of names(parameters)) {
    const k = `d${name}`;
    const g = grads[k]!;
    const vNew = g.sub(v[k]!).mul(1 - beta1).add(v[k]!) as tf.Tensor2D;
    const sNew = g.square().sub(s[k]!).mul(1 - beta2).add(s[k]!) as tf.Tensor2D;
    const vHat = vNew.mul(inv1) as tf.Tensor2D;
    const sHat = sNew.mul(inv2) as tf.Tensor2D;
    out[0][name] = parameters[name]!.sub(tf.div(vHat, sHat.sqrt().add(epsilon)).mul(learningRate)) as tf.Tensor2D;
    out[1][k] = vNew;
    out[2][k] = sNew;
    out[3][k] = vHat;
    out[4][k] = sHat;
  }
  return out;
}

export function updateLr(learningRate0: number, epochNum: number, decayRate: number): number {
  return learningRate0 * (1 / (epochNum * decayRate + 1));
}

export function scheduleLrDecay(learningRate0: number, epochNum: number, decayRate: number, timeInterval = 1000): number {
  const completed = (epochNum - (epochNum % timeInterval)) / timeInterval;
  return learningRate0 / (completed * decayRate + 1);
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
  const alpha0 = learningRate;
  let alpha = learningRate;
  let params = initializeNetParameters(layersDims);
  let [first, second]: [Moments, Moments] = [{}, {}];
  if (optimizer === 'adam') [first, second] = initializeAdam(params);
  if (optimizer === 'momentum') first = initializeVelocity(params);
  let step = 0;
  const costs = new Array<number>(numEpochs);
  for (let epoch = 0; epoch < numEpochs; epoch++) {
    const batches = randomMiniBatches(X, Y, miniBatchSize, 11 + epoch);
    let total = 0;
    batches.forEach(([bx, by]) => {
      step++;
      const before = [params, first, second].flatMap((r) => Object.values(r));
      const next = tf.tidy(() => {
        const [AL, cache] = netForward(bx, params);
        total += netCostTotal(AL, by);
        const grads = netBackward(bx, by, cache);
        switch (optimizer) {
          case 'gd':
            return [updateParametersWithGd(params, grads, alpha), first, second] as const;
          case 'momentum': {
            const [p, v] = updateParametersWithMomentum(params, grads, first, beta, alpha);
            return [p, v, second] as const;
          }
          default: {
            const [p, v, s] = updateParametersWithAdam(params, grads, first, second, step, alpha, beta1, beta2, epsilon);
            return [p, v, s] as const;
          }
        }
      });
      [params, first, second] = [next[0], next[1], next[2]];
      const kept = new Set([params, first, second].flatMap((r) => Object.values(r)));
      tf.dispose(before.filter((x) => !kept.has(x)));
    });
    tf.dispose(batches.flat());
    costs[epoch] = total / X.shape[1];
    if (decay !== undefined) alpha = decay(alpha0, epoch, decayRate);
    if (printCost && epoch % 1000 === 0) console.log(`Cost after epoch ${epoch}: ${costs[epoch]}`);
  }
  return { parameters: params, costs };
}

export const alternative = {
  style: 'reordered',
  fns: [
    'randomMiniBatches', 'updateParametersWithGd', 'initializeVelocity', 'updateParametersWithMomentum', 'initializeRmsprop',
    'updateParametersWithRmsprop', 'initializeAdam', 'updateParametersWithAdam', 'updateLr', 'scheduleLrDecay', 'model',
  ],
};
