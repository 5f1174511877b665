/**
 * Course 2, week 2 — Optimization methods.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';
import { initializeNetParameters, netBackward, netCostTotal, netForward } from '../../../lib/datasets/moons-network';

/** { W1, b1, …, WL, bL }: Wl is [n_l, n_(l−1)], bl is [n_l, 1]. */
export type Parameters = { [key: string]: tf.Tensor2D };
/** { dW1, db1, …, dWL, dbL }: each the shape of its parameter. */
export type Grads = { [key: string]: tf.Tensor2D };
/** A velocity v or a second moment s: { dW1, db1, … }, each the shape of its parameter. */
export type Moments = { [key: string]: tf.Tensor2D };
/** [miniBatchX, miniBatchY]: X's and Y's columns for the same examples. */
export type MiniBatch = [tf.Tensor2D, tf.Tensor2D];
export type Optimizer = 'gd' | 'momentum' | 'adam';
/** A learning-rate schedule: updateLr or scheduleLrDecay. */
export type LrDecay = (learningRate0: number, epochNum: number, decayRate: number) => number;
/** What model returns: the trained parameters and the cost of every epoch. */
export type TrainingResult = { parameters: Parameters; costs: number[] };

/** The number of layers L of a parameters record (two entries, Wl and bl, per layer). */
function layerCount(parameters: Parameters): number {
  return Math.floor(Object.keys(parameters).length / 2);
}

/** A record of zeros keyed dW1, db1, … shaped like the parameters. */
function zerosLike(parameters: Parameters): Moments {
  const out: Moments = {};
  for (let l = 1; l <= layerCount(parameters); l++) {
    out[`dW${l}`] = tf.zerosLike(parameters[`W${l}`]!);
    out[`db${l}`] = tf.zerosLike(parameters[`b${l}`]!);
  }
  return out;
}

/**
 * Shuffles the m examples (np.random.seed(seed), then np.random.permutation(m))
 * and cuts them into mini-batches of miniBatchSize columns; the last one holds
 * the m mod miniBatchSize examples left over, when there are any.
 */
export function randomMiniBatches(X: tf.Tensor2D, Y: tf.Tensor2D, miniBatchSize = 64, seed = 0): MiniBatch[] {
  np.random.seed(seed);
  const m = X.shape[1];
  const permutation = tf.tensor1d(np.random.permutation(m), 'int32');
  const shuffledX = tf.gather(X, permutation, 1);
  const shuffledY = tf.gather(Y, permutation, 1);
  const batches: MiniBatch[] = [];
  const numComplete = Math.floor(m / miniBatchSize);
  for (let k = 0; k < numComplete; k++) {
    batches.push([
      tf.slice(shuffledX, [0, k * miniBatchSize], [-1, miniBatchSize]),
      tf.slice(shuffledY, [0, k * miniBatchSize], [-1, miniBatchSize]),
    ]);
  }
  if (m % miniBatchSize !== 0) {
    const start = numComplete * miniBatchSize;
    batches.push([tf.slice(shuffledX, [0, start], [-1, m - start]), tf.slice(shuffledY, [0, start], [-1, m - start])]);
  }
  tf.dispose([permutation, shuffledX, shuffledY]);
  return batches;
}

/** One step of gradient descent: Wl ← Wl − α·dWl, bl ← bl − α·dbl for every layer. */
export function updateParametersWithGd(parameters: Parameters, grads: Grads, learningRate: number): Parameters {
  const out: Parameters = {};
  for (let l = 1; l <= layerCount(parameters); l++) {
    out[`W${l}`] = tf.sub(parameters[`W${l}`]!, tf.mul(learningRate, grads[`dW${l}`]!));
    out[`b${l}`] = tf.sub(parameters[`b${l}`]!, tf.mul(learningRate, grads[`db${l}`]!));
  }
  return out;
}

/** The velocity { dW1, db1, … }: zeros shaped like the parameters. */
export function initializeVelocity(parameters: Parameters): Moments {
  return zerosLike(parameters);
}

/** Momentum: v ← β·v + (1 − β)·dθ, then θ ← θ − α·v. Returns [parameters, v]. */
export function updateParametersWithMomentum(
  parameters: Parameters,
  grads: Grads,
  v: Moments,
  beta: number,
  learningRate: number,
): [Parameters, Moments] {
  const newParameters: Parameters = {};
  const newV: Moments = {};
  for (let l = 1; l <= layerCount(parameters); l++) {
    for (const p of ['W', 'b']) {
      const d = `d${p}${l}`;
      newV[d] = tf.add(tf.mul(beta, v[d]!), tf.mul(1 - beta, grads[d]!));
      newParameters[`${p}${l}`] = tf.sub(parameters[`${p}${l}`]!, tf.mul(learningRate, newV[d]!));
    }
  }
  return [newParameters, newV];
}

/** RMSprop's moving average of the squared gradients { dW1, db1, … }: zeros shaped like the parameters. */
export function initializeRmsprop(parameters: Parameters): Moments {
  return zerosLike(parameters);
}

/** RMSprop: s ← β2·s + (1 − β2)·dθ², then θ ← θ − α·dθ / (√s + ε). Returns [parameters, s]. */
export function updateParametersWithRmsprop(
  parameters: Parameters,
  grads: Grads,
  s: Moments,
  beta2: number,
  learningRate: number,
  epsilon: number,
): [Parameters, Moments] {
  const newParameters: Parameters = {};
  const newS: Moments = {};
  for (let l = 1; l <= layerCount(parameters); l++) {
    for (const p of ['W', 'b']) {
      const d = `d${p}${l}`;
      newS[d] = tf.add(tf.mul(beta2, s[d]!), tf.mul(1 - beta2, tf.square(grads[d]!)));
      const step = tf.div(grads[d]!, tf.add(tf.sqrt(newS[d]!), epsilon));
      newParameters[`${p}${l}`] = tf.sub(parameters[`${p}${l}`]!, tf.mul(learningRate, step));
    }
  }
  return [newParameters, newS];
}

/** Adam's first and second moments [v, s], each { dW1, db1, … } of zeros shaped like the parameters. */
export function initializeAdam(parameters: Parameters): [Moments, Moments] {
  return [zerosLike(parameters), zerosLike(parameters)];
}

/**
 * One Adam step at step t (counted from 1):
 *   v ← β1·v + (1 − β1)·dθ,     v̂ = v / (1 − β1^t)
 *   s ← β2·s + (1 − β2)·dθ²,    ŝ = s / (1 − β2^t)
 *   θ ← θ − α·v̂ / (√ŝ + ε)
 * Returns [parameters, v, s, vCorrected, sCorrected].
 */
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
  const newParameters: Parameters = {};
  const newV: Moments = {};
  const newS: Moments = {};
  const vCorrected: Moments = {};
  const sCorrected: Moments = {};
  for (let l = 1; l <= layerCount(parameters); l++) {
    for (const p of ['W', 'b']) {
      const d = `d${p}${l}`;
      newV[d] = tf.add(tf.mul(beta1, v[d]!), tf.mul(1 - beta1, grads[d]!));
      vCorrected[d] = tf.div(newV[d]!, 1 - Math.pow(beta1, t));
      newS[d] = tf.add(tf.mul(beta2, s[d]!), tf.mul(1 - beta2, tf.square(grads[d]!)));
      sCorrected[d] = tf.div(newS[d]!, 1 - Math.pow(beta2, t));
      const step = tf.div(vCorrected[d]!, tf.add(tf.sqrt(sCorrected[d]!), epsilon));
      newParameters[`${p}${l}`] = tf.sub(parameters[`${p}${l}`]!, tf.mul(learningRate, step));
    }
  }
  return [newParameters, newV, newS, vCorrected, sCorrected];
}

/** Learning-rate decay, every epoch: α = α0 / (1 + decayRate·epochNum). */
export function updateLr(learningRate0: number, epochNum: number, decayRate: number): number {
  return learningRate0 / (1 + decayRate * epochNum);
}

/** Learning-rate decay in steps: α = α0 / (1 + decayRate·⌊epochNum / timeInterval⌋). */
export function scheduleLrDecay(learningRate0: number, epochNum: number, decayRate: number, timeInterval = 1000): number {
  return learningRate0 / (1 + decayRate * Math.floor(epochNum / timeInterval));
}

type State = { parameters: Parameters; v: Moments; s: Moments };

/** Disposes the tensors of `old` that `next` does not keep. */
function disposeReplaced(old: State, next: State): void {
  const kept = new Set<tf.Tensor>([next.parameters, next.v, next.s].flatMap((r) => Object.values(r)));
  tf.dispose([old.parameters, old.v, old.s].flatMap((r) => Object.values(r)).filter((x) => !kept.has(x)));
}

/**
 * Trains an L-layer network (RELU hidden layers, sigmoid output; the provided
 * lib/datasets/moons-network) with mini-batch gradient descent, momentum or Adam.
 * Epoch i (from 0) shuffles with seed 11 + i; Adam's t counts the steps taken.
 * costs[i] is epoch i's cost: the summed cross-entropy of its mini-batches / m.
 * With a decay function, the learning rate after epoch i is decay(α0, i, decayRate).
 */
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
  if (optimizer !== 'gd' && optimizer !== 'momentum' && optimizer !== 'adam') throw new Error(`unknown optimizer ${String(optimizer)}`);
  const costs: number[] = [];
  const m = X.shape[1];
  const learningRate0 = learningRate;
  let t = 0;
  let seed = 10;
  let state: State = { parameters: initializeNetParameters(layersDims), v: {}, s: {} };
  if (optimizer === 'momentum') state.v = initializeVelocity(state.parameters);
  if (optimizer === 'adam') [state.v, state.s] = initializeAdam(state.parameters);

  for (let i = 0; i < numEpochs; i++) {
    seed += 1;
    const miniBatches = randomMiniBatches(X, Y, miniBatchSize, seed);
    let costTotal = 0;
    for (const [miniBatchX, miniBatchY] of miniBatches) {
      const { parameters, v, s } = state;
      const next = tf.tidy((): State => {
        const [AL, cache] = netForward(miniBatchX, parameters);
        costTotal += netCostTotal(AL, miniBatchY);
        const grads = netBackward(miniBatchX, miniBatchY, cache);
        if (optimizer === 'gd') return { parameters: updateParametersWithGd(parameters, grads, learningRate), v, s };
        if (optimizer === 'momentum') {
          const [p, newV] = updateParametersWithMomentum(parameters, grads, v, beta, learningRate);
          return { parameters: p, v: newV, s };
        }
        t += 1;
        const [p, newV, newS] = updateParametersWithAdam(parameters, grads, v, s, t, learningRate, beta1, beta2, epsilon);
        return { parameters: p, v: newV, s: newS };
      });
      disposeReplaced(state, next);
      state = next;
    }
    tf.dispose(miniBatches.flat());
    const costAvg = costTotal / m;
    costs.push(costAvg);
    if (decay) learningRate = decay(learningRate0, i, decayRate);
    if (printCost && i % 1000 === 0) {
      console.log(`Cost after epoch ${i}: ${costAvg.toFixed(6)}`);
      if (decay) console.log(`learning rate after epoch ${i}: ${learningRate.toFixed(6)}`);
    }
  }
  tf.dispose([...Object.values(state.v), ...Object.values(state.s)]);
  return { parameters: state.parameters, costs };
}
