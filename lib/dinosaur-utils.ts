/**
 * The helpers the course gives with "dinosaur island" (its utils.py), ported to
 * TensorFlow.js: one-example RNN steps forward and backward, the sequence loss,
 * the parameter update, loss smoothing and the initial loss. Sequences are
 * lists of character indices; x⟨t⟩ is a one-hot column [vocabSize, 1] (zeros
 * for X[t] = null, the "no previous character" of the first step).
 */
import * as tf from '@tensorflow/tfjs';
import { np } from './np-random';
import { softmax } from './rnn-utils';

export type CharParameters = { Wax: tf.Tensor2D; Waa: tf.Tensor2D; Wya: tf.Tensor2D; b: tf.Tensor2D; by: tf.Tensor2D };
export type CharGradients = { dWax: tf.Tensor2D; dWaa: tf.Tensor2D; dWya: tf.Tensor2D; db: tf.Tensor2D; dby: tf.Tensor2D };
/** [yHat, a, x] per step: yHat[t], a[t] and x[t] for t = 0 … Tx − 1, with a0 the state before step 0. */
export type CharCache = { yHat: tf.Tensor2D[]; a: tf.Tensor2D[]; x: tf.Tensor2D[]; a0: tf.Tensor2D };

export { softmax } from './rnn-utils';

/** The exponentially smoothed loss: loss · 0.999 + curLoss · 0.001. */
export function smooth(loss: number, curLoss: number): number {
  return loss * 0.999 + curLoss * 0.001;
}

/** The loss of a uniform guess over seqLength characters: −log(1 / vocabSize) · seqLength. */
export function getInitialLoss(vocabSize: number, seqLength: number): number {
  return -Math.log(1 / vocabSize) * seqLength;
}

/** The course's initialization: np.random.seed(1), weights randn · 0.01 (Wax, Waa, Wya in that order), zero biases. */
export function initializeParameters(nA: number, nX: number, nY: number): CharParameters {
  np.random.seed(1);
  const randn = (r: number, c: number) => tf.mul(tf.tensor(np.random.randn(r, c), [r, c]), 0.01) as tf.Tensor2D;
  const Wax = randn(nA, nX);
  const Waa = randn(nA, nA);
  const Wya = randn(nY, nA);
  return { Wax, Waa, Wya, b: tf.zeros([nA, 1]), by: tf.zeros([nY, 1]) };
}

/** A one-hot column [vocabSize, 1] for index ix (zeros for null). */
export function oneHot(ix: number | null, vocabSize: number): tf.Tensor2D {
  const v = new Float32Array(vocabSize);
  if (ix !== null) v[ix] = 1;
  return tf.tensor2d(v, [vocabSize, 1]);
}

/** One step: a⟨t⟩ = tanh(Wax·x + Waa·aPrev + b), ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by). Returns [aNext, yHat]. */
export function rnnStepForward(parameters: CharParameters, aPrev: tf.Tensor2D, x: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const { Waa, Wax, Wya, by, b } = parameters;
  const aNext = tf.tanh(tf.add(tf.add(tf.matMul(Wax, x), tf.matMul(Waa, aPrev)), b)) as tf.Tensor2D;
  return [aNext, softmax(tf.add(tf.matMul(Wya, aNext), by) as tf.Tensor2D)];
}

/** Forward through a sequence: the loss −Σ_t log ŷ⟨t⟩[Y[t]] and the cache. */
export function rnnForward(X: readonly (number | null)[], Y: readonly number[], a0: tf.Tensor2D, parameters: CharParameters): [number, CharCache] {
  const vocabSize = parameters.by.shape[0];
  const cache: CharCache = { yHat: [], a: [], x: [], a0 };
  let aPrev = a0;
  let loss = 0;
  for (let t = 0; t < X.length; t++) {
    const x = oneHot(X[t] ?? null, vocabSize);
    const [a, yHat] = rnnStepForward(parameters, aPrev, x);
    loss -= Math.log(yHat.dataSync()[Y[t]!]!);
    cache.x.push(x);
    cache.a.push(a);
    cache.yHat.push(yHat);
    aPrev = a;
  }
  return [loss, cache];
}

/** Backpropagation through time for the loss of rnnForward. Returns [gradients, aLast]. */
export function rnnBackward(X: readonly (number | null)[], Y: readonly number[], parameters: CharParameters, cache: CharCache): [CharGradients, tf.Tensor2D] {
  const { Waa, Wya } = parameters;
  let dWax = tf.zerosLike(parameters.Wax) as tf.Tensor2D;
  let dWaa = tf.zerosLike(Waa) as tf.Tensor2D;
  let dWya = tf.zerosLike(Wya) as tf.Tensor2D;
  let db = tf.zerosLike(parameters.b) as tf.Tensor2D;
  let dby = tf.zerosLike(parameters.by) as tf.Tensor2D;
  let daNext = tf.zerosLike(cache.a0) as tf.Tensor2D;
  const vocabSize = parameters.by.shape[0];
  for (let t = X.length - 1; t >= 0; t--) {
    const dy = tf.sub(cache.yHat[t]!, oneHot(Y[t]!, vocabSize)) as tf.Tensor2D;
    const a = cache.a[t]!;
    const aPrev = t > 0 ? cache.a[t - 1]! : cache.a0;
    dWya = tf.add(dWya, tf.matMul(dy, a, false, true)) as tf.Tensor2D;
    dby = tf.add(dby, dy) as tf.Tensor2D;
    const da = tf.add(tf.matMul(Wya, dy, true, false), daNext);
    const daraw = tf.mul(tf.sub(1, tf.square(a)), da) as tf.Tensor2D;
    db = tf.add(db, daraw) as tf.Tensor2D;
    dWax = tf.add(dWax, tf.matMul(daraw, cache.x[t]!, false, true)) as tf.Tensor2D;
    dWaa = tf.add(dWaa, tf.matMul(daraw, aPrev, false, true)) as tf.Tensor2D;
    daNext = tf.matMul(Waa, daraw, true, false);
  }
  return [{ dWax, dWaa, dWya, db, dby }, cache.a[X.length - 1] ?? cache.a0];
}

/** Gradient descent: each parameter minus learningRate times its gradient (new tensors). */
export function updateParameters(parameters: CharParameters, gradients: CharGradients, learningRate: number): CharParameters {
  const step = (p: tf.Tensor2D, g: tf.Tensor2D) => tf.sub(p, tf.mul(learningRate, g)) as tf.Tensor2D;
  return {
    Wax: step(parameters.Wax, gradients.dWax),
    Waa: step(parameters.Waa, gradients.dWaa),
    Wya: step(parameters.Wya, gradients.dWya),
    b: step(parameters.b, gradients.db),
    by: step(parameters.by, gradients.dby),
  };
}

/** The characters of a list of indices, as a string. */
export function getSample(indices: readonly number[], ixToChar: Readonly<Record<number, string>>): string {
  return indices.map((i) => ixToChar[i] ?? '?').join('');
}
