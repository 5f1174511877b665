/**
 * Course 2, week 2 — Optimization methods.
 *
 * Speed up training with mini-batches, momentum, RMSprop, Adam and learning-rate
 * decay, then compare them on the "moons" dataset.
 * Read optimization-methods.md first. Grade your work with: npm run grade -- course2/week2
 *
 * Conventions, as in the course: examples are columns (X is [nX, m], Y is [1, m]).
 * Parameters are records { W1, b1, …, WL, bL }; gradients, velocities and moments
 * are records { dW1, db1, …, dWL, dbL }, each entry the shape of its parameter.
 * Return new tensors; do not change the ones you were given.
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';
import { notImplemented } from '../../../lib/not-implemented';
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

/*
 * Tip: a parameters record with L layers has 2·L entries, so
 *   const L = Object.keys(parameters).length / 2;
 * and for (let l = 1; l <= L; l++) visits parameters[`W${l}`], grads[`dW${l}`], …
 * Mind the `<=`: the last layer needs its update too.
 */

/**
 * Exercise 1 — random mini-batches.
 *   1. Shuffle: call np.random.seed(seed), then np.random.permutation(m) (m = X.shape[1]),
 *      and take the columns of X AND of Y in that one order (tf.gather(X, indices, 1) with an
 *      int32 tf.tensor1d of the indices), so every example keeps its label.
 *   2. Partition: ⌊m / miniBatchSize⌋ complete mini-batches of miniBatchSize columns
 *      (tf.slice(x, [0, start], [-1, size])), then, when m is not a multiple of
 *      miniBatchSize, one last mini-batch with the m mod miniBatchSize columns left.
 * Return the list of [miniBatchX, miniBatchY] pairs, in order.
 */
export function randomMiniBatches(X: tf.Tensor2D, Y: tf.Tensor2D, miniBatchSize = 64, seed = 0): MiniBatch[] {
  void np; // np.random.seed and np.random.permutation are what you need
  return notImplemented('randomMiniBatches');
}

/**
 * Exercise 2 — one step of (mini-batch) gradient descent, for l = 1 … L:
 *   Wl = Wl − learningRate · dWl
 *   bl = bl − learningRate · dbl
 */
export function updateParametersWithGd(parameters: Parameters, grads: Grads, learningRate: number): Parameters {
  return notImplemented('updateParametersWithGd');
}

/**
 * Exercise 3 — initialise the velocity: v = { dW1, db1, …, dWL, dbL }, each a tensor of
 * zeros with the shape of the matching parameter (tf.zerosLike(parameters[`W${l}`])).
 */
export function initializeVelocity(parameters: Parameters): Moments {
  return notImplemented('initializeVelocity');
}

/**
 * Exercise 4 — one step of gradient descent with momentum, for every dθ of every layer:
 *   v_dθ = beta · v_dθ + (1 − beta) · dθ      (an exponentially weighted average of the gradients)
 *   θ    = θ − learningRate · v_dθ             (step along the NEW velocity)
 * Return [the new parameters, the new velocity]. With beta = 0 this is plain gradient descent.
 */
export function updateParametersWithMomentum(
  parameters: Parameters,
  grads: Grads,
  v: Moments,
  beta: number,
  learningRate: number,
): [Parameters, Moments] {
  return notImplemented('updateParametersWithMomentum');
}

/**
 * Exercise 5 — initialise RMSprop's moving average of the squared gradients:
 * s = { dW1, db1, …, dWL, dbL }, zeros with the shapes of the parameters.
 */
export function initializeRmsprop(parameters: Parameters): Moments {
  return notImplemented('initializeRmsprop');
}

/**
 * Exercise 6 — one step of RMSprop, for every dθ of every layer:
 *   s_dθ = beta2 · s_dθ + (1 − beta2) · dθ²     (element-wise square: tf.square)
 *   θ    = θ − learningRate · dθ / (√s_dθ + epsilon)
 * epsilon goes OUTSIDE the square root. Return [the new parameters, the new s].
 */
export function updateParametersWithRmsprop(
  parameters: Parameters,
  grads: Grads,
  s: Moments,
  beta2: number,
  learningRate: number,
  epsilon: number,
): [Parameters, Moments] {
  return notImplemented('updateParametersWithRmsprop');
}

/**
 * Exercise 7 — initialise Adam: return [v, s], two records { dW1, db1, …, dWL, dbL } of
 * zeros shaped like the parameters (two separate records).
 */
export function initializeAdam(parameters: Parameters): [Moments, Moments] {
  return notImplemented('initializeAdam');
}

/**
 * Exercise 8 — one step of Adam, at step t (t counts the updates made so far, from 1),
 * for every dθ of every layer:
 *   v_dθ = beta1 · v_dθ + (1 − beta1) · dθ          vCorrected_dθ = v_dθ / (1 − beta1^t)
 *   s_dθ = beta2 · s_dθ + (1 − beta2) · dθ²         sCorrected_dθ = s_dθ / (1 − beta2^t)
 *   θ    = θ − learningRate · vCorrected_dθ / (√sCorrected_dθ + epsilon)
 * The bias corrections matter early on: at t = 1 each step is about learningRate per element,
 * whatever the scale of the gradient. Math.pow(beta1, t) is beta1^t.
 * Return [parameters, v, s, vCorrected, sCorrected], each a record keyed like above.
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
  return notImplemented('updateParametersWithAdam');
}

/**
 * Exercise 9 — learning-rate decay, updated every epoch:
 *   learningRate = learningRate0 / (1 + decayRate · epochNum)
 */
export function updateLr(learningRate0: number, epochNum: number, decayRate: number): number {
  return notImplemented('updateLr');
}

/**
 * Exercise 10 — learning-rate decay with a fixed schedule: the rate only drops every
 * timeInterval epochs.
 *   learningRate = learningRate0 / (1 + decayRate · ⌊epochNum / timeInterval⌋)
 * (Math.floor).
 */
export function scheduleLrDecay(learningRate0: number, epochNum: number, decayRate: number, timeInterval = 1000): number {
  return notImplemented('scheduleLrDecay');
}

/**
 * Exercise 11 — the training loop. The network itself is provided (lib/datasets/moons-network):
 *   initializeNetParameters(layersDims)   He-initialised parameters (it seeds np.random itself)
 *   netForward(X, parameters)             [AL, cache]
 *   netCostTotal(AL, Y)                   the cross-entropy SUMMED over the examples, a number
 *   netBackward(X, Y, cache)              grads { dW1, db1, … } of the mean cost of that batch
 *
 * Write, like the course:
 *   costs = [], t = 0 (Adam's step counter), seed = 10, m = X.shape[1], learningRate0 = learningRate
 *   parameters = initializeNetParameters(layersDims)
 *   'momentum': v = initializeVelocity(parameters);  'adam': [v, s] = initializeAdam(parameters)
 *   for i = 0 … numEpochs − 1:
 *     seed = seed + 1   (a different shuffle each epoch)
 *     costTotal = 0
 *     for each [miniBatchX, miniBatchY] of randomMiniBatches(X, Y, miniBatchSize, seed):
 *       forward, costTotal += netCostTotal(AL, miniBatchY), backward, then update with
 *       'gd': updateParametersWithGd(parameters, grads, learningRate)
 *       'momentum': updateParametersWithMomentum(parameters, grads, v, beta, learningRate)
 *       'adam': t = t + 1 (once per mini-batch), then
 *               updateParametersWithAdam(parameters, grads, v, s, t, learningRate, beta1, beta2, epsilon)
 *     costs.push(costTotal / m)   (the epoch's cost: divide by m, the number of EXAMPLES)
 *     if decay is given: learningRate = decay(learningRate0, i, decayRate)
 *     if printCost and i % 1000 === 0: console.log the cost (and the learning rate)
 * Return { parameters, costs }.
 *
 * Optional but wise for long runs: wrap each step in tf.tidy(() => …) and tf.dispose the
 * tensors you replace, or memory grows with every mini-batch.
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
  void [initializeNetParameters, netForward, netCostTotal, netBackward]; // the provided network
  return notImplemented('model');
}
