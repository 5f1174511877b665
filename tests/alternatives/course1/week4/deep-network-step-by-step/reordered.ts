/**
 * Correct alternative (reordered): vectorised with equivalent formulas — the
 * bias tiled over the m columns, relu as max(Z, 0), σ as 1/(1 + e^−z), tf.mean for
 * the cost and db, 1/m applied to dZ before the product, dA_prev as (dZᵀ·W)ᵀ,
 * relu's backward with tf.where, σ′ as s − s², and the output layer's backward
 * started directly from dZ_L = AL − Y (the sigmoid and the cross-entropy
 * combined), then the relu layers.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Activation, Gradients, LayerCache, LinearCache, Parameters } from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export function initializeParametersDeep(layerDims: number[]): Parameters {
  np.random.seed(3);
  const entries: [string, tf.Tensor2D][] = [];
  layerDims.slice(1).forEach((n, i) => {
    const nPrev = layerDims[i]!;
    const w = np.random.randn(n, nPrev).map((v) => v / 100);
    entries.push([`b${i + 1}`, tf.zeros([n, 1])], [`W${i + 1}`, tf.tensor2d(w, [n, nPrev])]);
  });
  return Object.fromEntries(entries);
}

export function linearForward(A: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D): [tf.Tensor2D, LinearCache] {
  const m = A.shape[1];
  const Z = tf.add(tf.tile(b, [1, m]), tf.matMul(W, A)) as tf.Tensor2D;
  return [Z, [A, W, b]];
}

export function linearActivationForward(APrev: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D, activation: Activation): [tf.Tensor2D, LayerCache] {
  const out = linearForward(APrev, W, b);
  const Z = out[0];
  const A = activation === 'relu' ? (tf.maximum(Z, 0) as tf.Tensor2D) : (tf.reciprocal(tf.add(1, tf.exp(tf.neg(Z)))) as tf.Tensor2D);
  return [A, [out[1], Z]];
}

export function lModelForward(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, LayerCache[]] {
  const L = Object.keys(parameters).filter((k) => k.startsWith('W')).length;
  const caches: LayerCache[] = [];
  let A = X;
  for (let l = 1; l <= L; l++) {
    const [next, cache] = linearActivationForward(A, parameters[`W${l}`]!, parameters[`b${l}`]!, l < L ? 'relu' : 'sigmoid');
    A = next;
    caches.push(cache);
  }
  return [A, caches];
}

export function computeCost(AL: tf.Tensor2D, Y: tf.Tensor2D): number {
  return tf.tidy(() => {
    const likelihood = tf.add(tf.mul(Y, tf.log(AL)), tf.mul(tf.sub(1, Y), tf.log1p(tf.neg(AL))));
    return tf.neg(tf.mean(likelihood)).dataSync()[0]!;
  });
}

export function linearBackward(dZ: tf.Tensor2D, cache: LinearCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const [APrev, W] = cache;
  const m = APrev.shape[1];
  const dZm = tf.div(dZ, m);
  const dW = tf.matMul(dZm, tf.transpose(APrev)) as tf.Tensor2D;
  const db = tf.mean(dZ, 1, true) as tf.Tensor2D;
  const dAPrev = tf.transpose(tf.matMul(tf.transpose(dZ), W)) as tf.Tensor2D;
  return [dAPrev, dW, db];
}

export function linearActivationBackward(dA: tf.Tensor2D, cache: LayerCache, activation: Activation): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const [linearCache, Z] = cache;
  let dZ: tf.Tensor2D;
  if (activation === 'sigmoid') {
    const s = tf.sigmoid(Z);
    dZ = tf.mul(tf.sub(s, tf.square(s)), dA) as tf.Tensor2D;
  } else {
    dZ = tf.where(tf.greater(Z, 0), dA, tf.zerosLike(dA)) as tf.Tensor2D;
  }
  return linearBackward(dZ, linearCache);
}

export function lModelBackward(AL: tf.Tensor2D, Y: tf.Tensor2D, caches: LayerCache[]): Gradients {
  const L = caches.length;
  const grads: Gradients = {};
  // Output layer: dZ_L = dAL ∗ σ′(Z_L) = AL − Y.
  const dZL = tf.sub(AL, tf.reshape(Y, AL.shape)) as tf.Tensor2D;
  const [dALm1, dWL, dbL] = linearBackward(dZL, caches[L - 1]![0]);
  Object.assign(grads, { [`dA${L - 1}`]: dALm1, [`dW${L}`]: dWL, [`db${L}`]: dbL });
  for (let l = L - 1; l >= 1; l--) {
    const [dAPrev, dW, db] = linearActivationBackward(grads[`dA${l}`]!, caches[l - 1]!, 'relu');
    Object.assign(grads, { [`dA${l - 1}`]: dAPrev, [`dW${l}`]: dW, [`db${l}`]: db });
  }
  return grads;
}

export function updateParameters(params: Parameters, grads: Gradients, learningRate: number): Parameters {
  const updated: Parameters = {};
  for (const key of Object.keys(params).reverse()) {
    updated[key] = tf.add(params[key]!, tf.mul(grads[`d${key}`]!, -learningRate)) as tf.Tensor2D;
  }
  return updated;
}

export const alternative = {
  style: 'reordered',
  fns: [
    'initializeParametersDeep',
    'linearForward',
    'linearActivationForward',
    'lModelForward',
    'computeCost',
    'linearBackward',
    'linearActivationBackward',
    'lModelBackward',
    'updateParameters',
  ],
};
