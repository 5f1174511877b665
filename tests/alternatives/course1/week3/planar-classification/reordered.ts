/**
 * Correct alternative (reordered): vectorised with equivalent formulas — W·X
 * as (Xᵀ·Wᵀ)ᵀ, σ as ½(1 + tanh(z/2)), the cost as the course's dot-product form
 * log(A)·Yᵀ + log(1 − A)·(1 − Y)ᵀ, 1/m applied before the products, means
 * with keepDims, 1 − A1² as (1 − A1)(1 + A1), a loop over the parameter names,
 * prediction by the sign of Z2.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Cache, Gradients, Parameters } from '../../../../../solutions/course1/week3/planar-classification';

export function layerSizes(X: tf.Tensor2D, Y: tf.Tensor2D): { nX: number; nH: number; nY: number } {
  const [inputs] = X.shape;
  const [outputs] = Y.shape;
  const hidden = 4;
  return { nY: outputs, nX: inputs, nH: hidden };
}

export function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  np.random.seed(2);
  const first = np.random.randn(nH, nX).map((v) => v / 100);
  const second = np.random.randn(nY, nH).map((v) => v / 100);
  return {
    b2: tf.zeros([nY, 1]),
    W2: tf.tensor2d(second, [nY, nH]),
    b1: tf.zeros([nH, 1]),
    W1: tf.tensor2d(first, [nH, nX]),
  };
}

function linear(W: tf.Tensor2D, A: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.transpose(tf.matMul(tf.transpose(A), tf.transpose(W))).add(b) as tf.Tensor2D;
}

export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, Cache] {
  const hiddenZ = linear(parameters.W1, X, parameters.b1);
  const hiddenA = tf.tanh(hiddenZ);
  const outZ = linear(parameters.W2, hiddenA, parameters.b2);
  const outA = tf.mul(0.5, tf.add(1, tf.tanh(tf.mul(0.5, outZ)))) as tf.Tensor2D;
  return [outA, { Z1: hiddenZ, A1: hiddenA, Z2: outZ, A2: outA }];
}

export function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): number {
  const m = A2.shape[1];
  return tf.tidy(() => {
    const pos = tf.matMul(tf.log(A2), Y, false, true); // [1, 1]
    const neg = tf.matMul(tf.log(tf.sub(1, A2)), tf.sub(1, Y), false, true);
    return tf.add(pos, neg).div(-m).dataSync()[0]!;
  });
}

export function backwardPropagation(parameters: Parameters, cache: Cache, X: tf.Tensor2D, Y: tf.Tensor2D): Gradients {
  const m = X.shape[1];
  const dZ2 = tf.sub(cache.A2, Y);
  const dZ2m = tf.div(dZ2, m);
  const dW2 = tf.transpose(tf.matMul(cache.A1, dZ2m, false, true)) as tf.Tensor2D;
  const db2 = tf.mean(dZ2, -1, true) as tf.Tensor2D;
  const tanhSlope = tf.mul(tf.sub(1, cache.A1), tf.add(1, cache.A1));
  const dZ1 = tf.mul(tanhSlope, tf.transpose(tf.matMul(tf.transpose(dZ2), parameters.W2)));
  const dW1 = tf.matMul(tf.div(dZ1, m), tf.transpose(X)) as tf.Tensor2D;
  const db1 = tf.mean(dZ1, -1, true) as tf.Tensor2D;
  return { dW1, db1, dW2, db2 };
}

export function updateParameters(parameters: Parameters, grads: Gradients, learningRate = 1.2): Parameters {
  const out: Partial<Parameters> = {};
  for (const key of ['b2', 'W2', 'b1', 'W1'] as const) {
    out[key] = tf.add(parameters[key], tf.mul(grads[`d${key}`], -learningRate)) as tf.Tensor2D;
  }
  return out as Parameters;
}

export function nnModel(X: tf.Tensor2D, Y: tf.Tensor2D, nH: number, numIterations = 10000, printCost = false): Parameters {
  np.random.seed(3);
  const { nX, nY } = layerSizes(X, Y);
  let params = initializeParameters(nX, nH, nY);
  let i = 0;
  while (i < numIterations) {
    const old = params;
    params = tf.tidy(() => {
      const [A2, cache] = forwardPropagation(X, old);
      if (printCost && i % 1000 === 0) console.log(`Cost after iteration ${i}: ${computeCost(A2, Y)}`);
      return updateParameters(old, backwardPropagation(old, cache, X, Y));
    });
    tf.dispose([old.W1, old.b1, old.W2, old.b2]);
    i++;
  }
  return params;
}

export function predict(parameters: Parameters, X: tf.Tensor2D): tf.Tensor2D {
  // σ(z) > 0.5 exactly when z > 0.
  return tf.tidy(() => {
    const [, cache] = forwardPropagation(X, parameters);
    return tf.greater(cache.Z2, 0).toFloat() as tf.Tensor2D;
  });
}

export const alternative = {
  style: 'reordered',
  fns: ['layerSizes', 'initializeParameters', 'forwardPropagation', 'computeCost', 'backwardPropagation', 'updateParameters', 'nnModel', 'predict'],
};
