/**
 * Correct alternative (builtin): tf.buffer for the initial weights,
 * tf.fused.matMul with a bias for the linear step, tf.metrics.binaryCrossentropy
 * for the cost, and TensorFlow.js autodiff for every backward step — tf.grads
 * of the linear step (with dZ as the upstream gradient), tf.grad of relu and σ,
 * tf.grad of the summed cross-entropy for dAL — and tf.train.sgd for the update.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Activation, Gradients, LayerCache, LinearCache, Parameters } from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export function initializeParametersDeep(layerDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layerDims.length; l++) {
    const shape: [number, number] = [layerDims[l]!, layerDims[l - 1]!];
    const buf = tf.buffer(shape, 'float32', Float32Array.from(np.random.randn(...shape), (v) => v * 0.01));
    parameters[`W${l}`] = buf.toTensor() as tf.Tensor2D;
    parameters[`b${l}`] = tf.buffer([shape[0], 1]).toTensor() as tf.Tensor2D;
  }
  return parameters;
}

export function linearForward(A: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D): [tf.Tensor2D, LinearCache] {
  return [tf.fused.matMul({ a: W, b: A, bias: b }) as tf.Tensor2D, [A, W, b]];
}

export function linearActivationForward(APrev: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D, activation: Activation): [tf.Tensor2D, LayerCache] {
  const [Z, linearCache] = linearForward(APrev, W, b);
  const g = { relu: tf.relu, sigmoid: tf.sigmoid }[activation];
  return [g(Z) as tf.Tensor2D, [linearCache, Z]];
}

export function lModelForward(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, LayerCache[]] {
  const L = Object.keys(parameters).length / 2;
  const caches: LayerCache[] = [];
  const AL = Array.from({ length: L }, (_, i) => i + 1).reduce((A, l) => {
    const [next, cache] = linearActivationForward(A, parameters[`W${l}`]!, parameters[`b${l}`]!, l === L ? 'sigmoid' : 'relu');
    caches.push(cache);
    return next;
  }, X);
  return [AL, caches];
}

export function computeCost(AL: tf.Tensor2D, Y: tf.Tensor2D): number {
  return tf.tidy(() => tf.metrics.binaryCrossentropy(Y, AL).dataSync()[0]!);
}

export function linearBackward(dZ: tf.Tensor2D, cache: LinearCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const [APrev, W, b] = cache;
  const m = APrev.shape[1];
  return tf.tidy(() => {
    // Vector-Jacobian product of Z = W·A + b with dZ: Wᵀ·dZ, dZ·Aᵀ and Σ dZ (b's broadcast undone).
    const vjp = tf.grads((a: tf.Tensor, w: tf.Tensor, bias: tf.Tensor) => tf.add(tf.matMul(w as tf.Tensor2D, a as tf.Tensor2D), bias));
    const [dAPrev, dW, db] = vjp([APrev, W, b], dZ) as tf.Tensor2D[];
    return [dAPrev!, tf.div(dW!, m) as tf.Tensor2D, tf.div(db!, m) as tf.Tensor2D];
  });
}

export function linearActivationBackward(dA: tf.Tensor2D, cache: LayerCache, activation: Activation): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const [linearCache, Z] = cache;
  const g = activation === 'relu' ? (z: tf.Tensor) => tf.relu(z) : (z: tf.Tensor) => tf.sigmoid(z);
  const dZ = tf.grad(g)(Z, dA) as tf.Tensor2D;
  return linearBackward(dZ, linearCache);
}

export function lModelBackward(AL: tf.Tensor2D, Y: tf.Tensor2D, caches: LayerCache[]): Gradients {
  const Yr = tf.reshape(Y, AL.shape);
  // dAL = ∂/∂AL of the summed loss −Σ [y·log(a) + (1 − y)·log(1 − a)].
  const loss = (a: tf.Tensor) => tf.neg(tf.sum(tf.add(tf.mul(Yr, tf.log(a)), tf.mul(tf.sub(1, Yr), tf.log(tf.sub(1, a))))));
  let dA = tf.grad(loss)(AL) as tf.Tensor2D;
  const grads: Gradients = {};
  for (let l = caches.length; l >= 1; l--) {
    const [dAPrev, dW, db] = linearActivationBackward(dA, caches[l - 1]!, l === caches.length ? 'sigmoid' : 'relu');
    grads[`dA${l - 1}`] = dAPrev;
    grads[`dW${l}`] = dW;
    grads[`db${l}`] = db;
    dA = dAPrev;
  }
  return grads;
}

export function updateParameters(params: Parameters, grads: Gradients, learningRate: number): Parameters {
  const keys = Object.keys(params);
  const vars = keys.map((k) => tf.variable(params[k]!));
  const sgd = tf.train.sgd(learningRate);
  sgd.applyGradients(Object.fromEntries(vars.map((v, i) => [v.name, grads[`d${keys[i]}`]!])));
  sgd.dispose();
  const out: Parameters = {};
  keys.forEach((k, i) => (out[k] = tf.clone(vars[i]!) as tf.Tensor2D));
  tf.dispose(vars);
  return out;
}

export const alternative = {
  style: 'builtin',
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
