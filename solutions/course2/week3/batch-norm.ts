/**
 * Course 2, week 3 — Batch normalization.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';

/** What the backward pass needs from the forward pass. */
export type BatchnormCache = {
  Z: tf.Tensor2D;
  Znorm: tf.Tensor2D;
  mu: tf.Tensor2D;
  variance: tf.Tensor2D;
  gamma: tf.Tensor2D;
  epsilon: number;
};

/** Exponentially weighted averages of the batch statistics, for test time. */
export type RunningStats = {
  mean: tf.Tensor2D;
  variance: tf.Tensor2D;
};

/**
 * Batch norm of Z [n, m] (n units, m examples) over the batch, per unit:
 * μ = mean over the examples, σ² = the mean of (Z − μ)² (1/m), Ẑ = (Z − μ) / √(σ² + ε),
 * out = γ ⊙ Ẑ + β with γ, β [n, 1]. Returns [out, cache].
 */
export function batchnormForward(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, epsilon = 1e-5): [tf.Tensor2D, BatchnormCache] {
  const mu = tf.mean(Z, 1, true) as tf.Tensor2D;
  const centered = tf.sub(Z, mu);
  const variance = tf.mean(tf.square(centered), 1, true) as tf.Tensor2D;
  const Znorm = tf.div(centered, tf.sqrt(tf.add(variance, epsilon))) as tf.Tensor2D;
  const out = tf.add(tf.mul(gamma, Znorm), beta) as tf.Tensor2D;
  return [out, { Z, Znorm, mu, variance, gamma, epsilon }];
}

/**
 * Gradients of a cost J through batch norm, given dout = ∂J/∂out [n, m]:
 * dβ = Σ_j dout, dγ = Σ_j dout ⊙ Ẑ, and with dẐ = dout ⊙ γ,
 * dZ = (1/m) / √(σ² + ε) ⊙ (m·dẐ − Σ_j dẐ − Ẑ ⊙ Σ_j dẐ ⊙ Ẑ). Returns [dZ, dgamma, dbeta].
 */
export function batchnormBackward(dout: tf.Tensor2D, cache: BatchnormCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const { Znorm, variance, gamma, epsilon } = cache;
  const m = dout.shape[1];
  const dbeta = tf.sum(dout, 1, true) as tf.Tensor2D;
  const dgamma = tf.sum(tf.mul(dout, Znorm), 1, true) as tf.Tensor2D;
  const dZnorm = tf.mul(dout, gamma);
  const invStd = tf.rsqrt(tf.add(variance, epsilon));
  const inner = tf.sub(tf.sub(tf.mul(dZnorm, m), tf.sum(dZnorm, 1, true)), tf.mul(Znorm, tf.sum(tf.mul(dZnorm, Znorm), 1, true)));
  const dZ = tf.mul(tf.div(invStd, m), inner) as tf.Tensor2D;
  return [dZ, dgamma, dbeta];
}

/**
 * One step of the exponentially weighted averages kept for test time:
 * mean ← momentum·mean + (1 − momentum)·μ, variance ← momentum·variance + (1 − momentum)·σ².
 */
export function updateRunningAverages(running: RunningStats, mu: tf.Tensor2D, variance: tf.Tensor2D, momentum = 0.9): RunningStats {
  return {
    mean: tf.add(tf.mul(momentum, running.mean), tf.mul(1 - momentum, mu)) as tf.Tensor2D,
    variance: tf.add(tf.mul(momentum, running.variance), tf.mul(1 - momentum, variance)) as tf.Tensor2D,
  };
}

/** Batch norm at test time: the running statistics replace the batch's, so each example is normalised on its own. */
export function batchnormInference(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, running: RunningStats, epsilon = 1e-5): tf.Tensor2D {
  const Znorm = tf.div(tf.sub(Z, running.mean), tf.sqrt(tf.add(running.variance, epsilon)));
  return tf.add(tf.mul(gamma, Znorm), beta) as tf.Tensor2D;
}
