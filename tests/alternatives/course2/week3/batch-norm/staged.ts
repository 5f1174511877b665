/**
 * Correct alternative (staged): the backward pass through the computation graph one node at a time, as the
 * long derivation goes (dẐ, dσ², dμ, then dZ), with tf ops on [n, m]; the forward pass from tf.moments; inference
 * multiplying by tf.rsqrt. The running averages are the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import type { BatchnormCache, RunningStats } from '../../../../../solutions/course2/week3/batch-norm';

export type { BatchnormCache, RunningStats } from '../../../../../solutions/course2/week3/batch-norm';
export { updateRunningAverages } from '../../../../../solutions/course2/week3/batch-norm';

export function batchnormForward(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, epsilon = 1e-5): [tf.Tensor2D, BatchnormCache] {
  const { mean, variance } = tf.moments(Z, 1, true);
  const Znorm = tf.mul(tf.sub(Z, mean), tf.rsqrt(tf.add(variance, epsilon))) as tf.Tensor2D;
  const out = tf.add(tf.mul(Znorm, gamma), beta) as tf.Tensor2D;
  return [out, { Z, Znorm, mu: mean as tf.Tensor2D, variance: variance as tf.Tensor2D, gamma, epsilon }];
}

export function batchnormBackward(dout: tf.Tensor2D, cache: BatchnormCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const { Z, mu, variance, gamma, epsilon, Znorm } = cache;
  const m = dout.shape[1];
  return tf.tidy(() => {
    const dbeta = tf.sum(dout, 1, true) as tf.Tensor2D;
    const dgamma = tf.sum(tf.mul(dout, Znorm), 1, true) as tf.Tensor2D;
    const centered = tf.sub(Z, mu);
    const varEps = tf.add(variance, epsilon);
    const invStd = tf.rsqrt(varEps);
    const dZnorm = tf.mul(dout, gamma);
    // dσ² = Σ dẐ·(Z − μ)·(−1/2)(σ² + ε)^(−3/2)
    const dVar = tf.mul(tf.sum(tf.mul(dZnorm, centered), 1, true), tf.mul(-0.5, tf.pow(invStd, 3)));
    // dμ = Σ −dẐ/√(σ² + ε) + dσ²·(−2/m)·Σ (Z − μ)
    const dMu = tf.add(tf.sum(tf.mul(tf.neg(dZnorm), invStd), 1, true), tf.mul(dVar, tf.div(tf.sum(tf.mul(-2, centered), 1, true), m)));
    const dZ = tf.add(tf.add(tf.mul(dZnorm, invStd), tf.mul(dVar, tf.div(tf.mul(2, centered), m))), tf.div(dMu, m)) as tf.Tensor2D;
    return [dZ, dgamma, dbeta] as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  });
}

export function batchnormInference(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, running: RunningStats, epsilon = 1e-5): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.mul(tf.mul(tf.sub(Z, running.mean), tf.rsqrt(tf.add(running.variance, epsilon))), gamma), beta) as tf.Tensor2D);
}

export const alternative = { style: 'staged', fns: ['batchnormForward', 'batchnormBackward', 'batchnormInference'] };
