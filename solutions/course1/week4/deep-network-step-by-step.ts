/**
 * Course 1, week 4 — Building your deep neural network: step by step.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';

/** W1, b1, W2, b2, …, WL, bL: Wl is [n_l, n_{l-1}], bl is [n_l, 1]. */
export type Parameters = Record<string, tf.Tensor2D>;
/** dA0, dW1, db1, …: the gradients L-model backward returns. */
export type Gradients = Record<string, tf.Tensor2D>;
export type Activation = 'sigmoid' | 'relu';
/** What linearForward keeps for linearBackward: [A_prev, W, b]. */
export type LinearCache = [A: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D];
/** What linearActivationForward keeps: [linearCache, activationCache = Z]. */
export type LayerCache = [linearCache: LinearCache, activationCache: tf.Tensor2D];

/** Wl = randn(n_l, n_{l-1}) × 0.01 (after np.random.seed(3)), bl = zeros [n_l, 1], for l = 1 … L. */
export function initializeParametersDeep(layerDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layerDims.length; l++) {
    const [n, nPrev] = [layerDims[l]!, layerDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).mul(0.01);
    parameters[`b${l}`] = tf.zeros([n, 1]);
  }
  return parameters;
}

/** Z = W·A + b. Returns [Z, [A, W, b]]. */
export function linearForward(A: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D): [tf.Tensor2D, LinearCache] {
  const Z = tf.add(tf.matMul(W, A), b) as tf.Tensor2D;
  return [Z, [A, W, b]];
}

/** A = g(W·A_prev + b), g = sigmoid or relu. Returns [A, [linearCache, Z]]. */
export function linearActivationForward(APrev: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D, activation: Activation): [tf.Tensor2D, LayerCache] {
  const [Z, linearCache] = linearForward(APrev, W, b);
  const A = activation === 'sigmoid' ? tf.sigmoid(Z) : tf.relu(Z);
  return [A, [linearCache, Z]];
}

/** [LINEAR → RELU] × (L − 1) → LINEAR → SIGMOID. Returns [AL, caches], one cache per layer. */
export function lModelForward(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, LayerCache[]] {
  const caches: LayerCache[] = [];
  const L = Object.keys(parameters).length / 2;
  let A = X;
  for (let l = 1; l < L; l++) {
    const [next, cache] = linearActivationForward(A, parameters[`W${l}`]!, parameters[`b${l}`]!, 'relu');
    caches.push(cache);
    A = next;
  }
  const [AL, cache] = linearActivationForward(A, parameters[`W${L}`]!, parameters[`b${L}`]!, 'sigmoid');
  caches.push(cache);
  return [AL, caches];
}

/** Cross-entropy cost −(1/m) Σ [y·log(a) + (1 − y)·log(1 − a)], as a number. */
export function computeCost(AL: tf.Tensor2D, Y: tf.Tensor2D): number {
  const m = Y.shape[1];
  const logprobs = tf.add(tf.mul(Y, tf.log(AL)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, AL))));
  return -tf.sum(logprobs).dataSync()[0]! / m;
}

/** dW = (1/m) dZ·A_prevᵀ, db = (1/m) Σ dZ over examples, dA_prev = Wᵀ·dZ. Returns [dA_prev, dW, db]. */
export function linearBackward(dZ: tf.Tensor2D, cache: LinearCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const [APrev, W] = cache;
  const m = APrev.shape[1];
  const dW = tf.matMul(dZ, APrev, false, true).div(m) as tf.Tensor2D;
  const db = tf.sum(dZ, 1, true).div(m) as tf.Tensor2D;
  const dAPrev = tf.matMul(W, dZ, true, false) as tf.Tensor2D;
  return [dAPrev, dW, db];
}

/** dZ = dA ∗ g′(Z), then linearBackward. Returns [dA_prev, dW, db]. */
export function linearActivationBackward(dA: tf.Tensor2D, cache: LayerCache, activation: Activation): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const [linearCache, Z] = cache;
  let dZ: tf.Tensor2D;
  if (activation === 'relu') {
    dZ = tf.mul(dA, tf.step(Z));
  } else {
    const s = tf.sigmoid(Z);
    dZ = tf.mul(dA, tf.mul(s, tf.sub(1, s)));
  }
  return linearBackward(dZ, linearCache);
}

/** Backward through SIGMOID then (L − 1) × RELU: grads dA{l−1}, dW{l}, db{l} for l = L … 1. */
export function lModelBackward(AL: tf.Tensor2D, Y: tf.Tensor2D, caches: LayerCache[]): Gradients {
  const grads: Gradients = {};
  const L = caches.length;
  const Yr = Y.reshape(AL.shape) as tf.Tensor2D;
  const dAL = tf.neg(tf.sub(tf.div(Yr, AL), tf.div(tf.sub(1, Yr), tf.sub(1, AL)))) as tf.Tensor2D;
  let [dAPrev, dW, db] = linearActivationBackward(dAL, caches[L - 1]!, 'sigmoid');
  grads[`dA${L - 1}`] = dAPrev;
  grads[`dW${L}`] = dW;
  grads[`db${L}`] = db;
  for (let l = L - 2; l >= 0; l--) {
    [dAPrev, dW, db] = linearActivationBackward(grads[`dA${l + 1}`]!, caches[l]!, 'relu');
    grads[`dA${l}`] = dAPrev;
    grads[`dW${l + 1}`] = dW;
    grads[`db${l + 1}`] = db;
  }
  return grads;
}

/** One gradient-descent step on every layer: Wl ← Wl − α·dWl, bl ← bl − α·dbl. Returns new tensors. */
export function updateParameters(params: Parameters, grads: Gradients, learningRate: number): Parameters {
  const parameters: Parameters = {};
  const L = Object.keys(params).length / 2;
  for (let l = 1; l <= L; l++) {
    parameters[`W${l}`] = tf.sub(params[`W${l}`]!, tf.mul(learningRate, grads[`dW${l}`]!));
    parameters[`b${l}`] = tf.sub(params[`b${l}`]!, tf.mul(learningRate, grads[`db${l}`]!));
  }
  return parameters;
}
