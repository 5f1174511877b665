/** Vectorised with other orders: (A·B)ᵀ forms, divide before summing, λ/m folded in before the matmul, masks applied after relu' etc. */
import * as tf from '@tensorflow/tfjs';
import { computeCost, type Cache, type Gradients, type ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';
import { np } from '../../../../../lib/np-random';

export type { Cache, Gradients, ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';
export type DropoutCache = [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];

export function computeCostWithRegularization(A3: tf.Tensor2D, Y: tf.Tensor2D, parameters: ThreeLayerParameters, lambd: number): number {
  const nExamples = Y.shape[1];
  // Scale each weight first, then sum: Σ (√(λ/2m)·W)².
  const c = Math.sqrt(lambd / (2 * nExamples));
  const penalty = tf.tidy(() =>
    [parameters.W3, parameters.W2, parameters.W1].reduce((acc: tf.Tensor, W) => acc.add(W.mul(c).square().sum()), tf.scalar(0)).arraySync() as number,
  );
  return penalty + computeCost(A3, Y);
}

/** dW = (dZ·Aprevᵀ)/m written as (Aprev·dZᵀ)ᵀ · (1/m). */
const weightGrad = (dZ: tf.Tensor2D, Aprev: tf.Tensor2D, m: number) => tf.transpose(tf.matMul(Aprev, dZ.transpose())).mul(1 / m) as tf.Tensor2D;
/** db = Σ (dZ / m) over examples. */
const biasGrad = (dZ: tf.Tensor2D, m: number) => tf.sum(tf.div(dZ, m), -1).reshape([dZ.shape[0], 1]) as tf.Tensor2D;

export function backwardPropagationWithRegularization(X: tf.Tensor2D, Y: tf.Tensor2D, cache: Cache, lambd: number): Gradients {
  const [, A1, W1, , , A2, W2, , , A3, W3] = cache;
  const m = Y.shape[1];
  const decay = lambd / m;
  const dZ3 = A3.sub(Y) as tf.Tensor2D;
  const dW3 = weightGrad(dZ3, A2, m).add(W3.mul(decay)) as tf.Tensor2D;
  const db3 = biasGrad(dZ3, m);
  const dA2 = dZ3.transpose().matMul(W3).transpose() as tf.Tensor2D;
  const dZ2 = tf.where(tf.greater(A2, 0), dA2, tf.zerosLike(dA2)) as tf.Tensor2D;
  const dW2 = tf.addN([weightGrad(dZ2, A1, m), W2.mul(decay)]) as tf.Tensor2D;
  const db2 = biasGrad(dZ2, m);
  const dA1 = dZ2.transpose().matMul(W2).transpose() as tf.Tensor2D;
  const dZ1 = tf.where(tf.greater(A1, 0), dA1, tf.zerosLike(dA1)) as tf.Tensor2D;
  const dW1 = tf.matMul(dZ1, X, false, true).add(W1.mul(lambd)).div(m) as tf.Tensor2D;
  const db1 = biasGrad(dZ1, m);
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

export function forwardPropagationWithDropout(X: tf.Tensor2D, parameters: ThreeLayerParameters, keepProb = 0.5): [tf.Tensor2D, DropoutCache] {
  np.random.seed(1);
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  const m = X.shape[1];
  const scale = 1 / keepProb;
  // Zᵀ = Xᵀ·Wᵀ + bᵀ, transposed back.
  const Z1 = tf.matMul(X, W1, true, true).add(b1.transpose()).transpose() as tf.Tensor2D;
  const u1 = np.random.rand(W1.shape[0], m);
  const D1 = tf.tensor2d(Float32Array.from(u1, (u) => Number(u < keepProb)), [W1.shape[0], m]);
  const A1 = D1.mul(scale).mul(Z1.relu()) as tf.Tensor2D;
  const Z2 = tf.matMul(A1, W2, true, true).add(b2.transpose()).transpose() as tf.Tensor2D;
  const u2 = np.random.rand(W2.shape[0], m);
  const D2 = tf.tensor2d(Float32Array.from(u2, (u) => Number(u < keepProb)), [W2.shape[0], m]);
  const A2 = D2.mul(scale).mul(Z2.relu()) as tf.Tensor2D;
  const Z3 = b3.add(W3.matMul(A2)) as tf.Tensor2D;
  const A3 = tf.div(1, tf.add(1, tf.exp(tf.neg(Z3)))) as tf.Tensor2D;
  return [A3, [Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3]];
}

export function backwardPropagationWithDropout(X: tf.Tensor2D, Y: tf.Tensor2D, cache: DropoutCache, keepProb: number): Gradients {
  const [, D1, A1, , , , D2, A2, W2, , , A3, W3] = cache;
  const m = Y.shape[1];
  const dZ3 = A3.sub(Y) as tf.Tensor2D;
  const dW3 = weightGrad(dZ3, A2, m);
  const db3 = biasGrad(dZ3, m);
  // Mask and scale first, then multiply by W3ᵀ·dZ3.
  const dA2 = D2.div(keepProb).mul(tf.matMul(W3, dZ3, true)) as tf.Tensor2D;
  const dZ2 = dA2.mul(A2.greater(0).cast('float32')) as tf.Tensor2D;
  const dW2 = weightGrad(dZ2, A1, m);
  const db2 = biasGrad(dZ2, m);
  const dA1 = D1.div(keepProb).mul(tf.matMul(W2, dZ2, true)) as tf.Tensor2D;
  const dZ1 = dA1.mul(A1.greater(0).cast('float32')) as tf.Tensor2D;
  const dW1 = weightGrad(dZ1, X, m);
  const db1 = biasGrad(dZ1, m);
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

export const alternative = {
  style: 'reordered',
  fns: ['computeCostWithRegularization', 'backwardPropagationWithRegularization', 'forwardPropagationWithDropout', 'backwardPropagationWithDropout'],
};
