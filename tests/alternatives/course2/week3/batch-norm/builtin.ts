/**
 * Built-ins: tf.moments and tf.batchNorm for the forward pass and inference, tf.grads (autodiff) for the backward pass.
 * tf.batchNorm normalises over the LAST axis with 1-D statistics (channels last), so it runs on Zᵀ [m, n].
 */
import * as tf from '@tensorflow/tfjs';

/** tf.batchNorm on the course layout [n, m], per unit (row), statistics [n, 1]. */
function bnRows(Z: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor, offset: tf.Tensor | undefined, scale: tf.Tensor | undefined, eps: number): tf.Tensor2D {
  const flat = (t: tf.Tensor | undefined) => (t === undefined ? undefined : (t.reshape([-1]) as tf.Tensor1D));
  return tf.batchNorm(Z.transpose() as tf.Tensor2D, flat(mean)!, flat(variance)!, flat(offset), flat(scale), eps).transpose() as tf.Tensor2D;
}

export type BatchnormCache = { Z: tf.Tensor2D; Znorm: tf.Tensor2D; mu: tf.Tensor2D; variance: tf.Tensor2D; gamma: tf.Tensor2D; epsilon: number };
export type RunningStats = { mean: tf.Tensor2D; variance: tf.Tensor2D };

export function batchnormForward(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, epsilon = 1e-5): [tf.Tensor2D, BatchnormCache] {
  const { mean, variance } = tf.moments(Z, 1, true);
  const Znorm = bnRows(Z, mean, variance, undefined, undefined, epsilon);
  const out = bnRows(Z, mean, variance, beta, gamma, epsilon);
  return [out, { Z, Znorm, mu: mean as tf.Tensor2D, variance: variance as tf.Tensor2D, gamma, epsilon }];
}

export function batchnormBackward(dout: tf.Tensor2D, cache: BatchnormCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const { Z, gamma, epsilon } = cache;
  const beta = tf.zerosLike(gamma);
  // ∂/∂(Z, γ, β) of Σ out ⊙ dout, the batch statistics recomputed from Z inside the graph.
  const f = (z: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
    const { mean, variance } = tf.moments(z, 1, true);
    return tf.sum(tf.mul(bnRows(z, mean, variance, b, g, epsilon), dout));
  };
  const [dZ, dgamma, dbeta] = tf.grads(f)([Z, gamma, beta]) as tf.Tensor2D[];
  beta.dispose();
  return [dZ!, dgamma!, dbeta!];
}

export function updateRunningAverages(running: RunningStats, mu: tf.Tensor2D, variance: tf.Tensor2D, momentum = 0.9): RunningStats {
  return tf.tidy(() => {
    const ema = (old: tf.Tensor2D, batch: tf.Tensor2D) => tf.addN([tf.mul(old, momentum), tf.mul(batch, 1 - momentum)]) as tf.Tensor2D;
    return { mean: ema(running.mean, mu), variance: ema(running.variance, variance) };
  });
}

export function batchnormInference(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, running: RunningStats, epsilon = 1e-5): tf.Tensor2D {
  return bnRows(Z, running.mean, running.variance, beta, gamma, epsilon);
}

export const alternative = { style: 'builtin', fns: ['batchnormForward', 'batchnormBackward', 'updateRunningAverages', 'batchnormInference'] };
