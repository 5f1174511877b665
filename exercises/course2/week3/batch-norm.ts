/**
 * Course 2, week 3 — Batch normalization.
 *
 * Normalise a layer's pre-activations Z over the mini-batch, unit by unit, then
 * let the network choose their scale and offset (γ, β). You write the forward
 * pass, its backward pass (by hand: the mean and variance depend on every
 * example), the running averages kept for test time, and batch norm at test time.
 * Read batch-norm.md first. Grade your work with: npm run grade course2/week3
 *
 * Conventions, as in the course: examples are columns. Z is [n, m] (n units,
 * m examples); γ, β, μ and σ² are [n, 1] columns that broadcast over the examples.
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';

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
 * Exercise 1 — the forward pass.
 *   μ  = (1/m) Σ_j Z[:, j]                      per unit: tf.mean(Z, 1, true), [n, 1]
 *   σ² = (1/m) Σ_j (Z[:, j] − μ)²               the biased variance: 1/m, not 1/(m − 1)
 *   Ẑ  = (Z − μ) / √(σ² + ε)
 *   out = γ ⊙ Ẑ + β
 * Return [out, { Z, Znorm: Ẑ, mu: μ, variance: σ², gamma: γ, epsilon: ε }].
 */
export function batchnormForward(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, epsilon = 1e-5): [tf.Tensor2D, BatchnormCache] {
  return notImplemented('batchnormForward');
}

/**
 * Exercise 2 — the backward pass. dout = ∂J/∂out is [n, m]. Return [dZ, dgamma, dbeta]:
 *   dβ = Σ_j dout                 dγ = Σ_j dout ⊙ Ẑ           (sums over the examples, [n, 1])
 *   dẐ = dout ⊙ γ
 *   dZ = (1/m) · 1/√(σ² + ε) ⊙ ( m·dẐ − Σ_j dẐ − Ẑ ⊙ Σ_j (dẐ ⊙ Ẑ) )
 * The last two terms are there because μ and σ² are computed from Z too: dropping
 * them would treat them as constants. No 1/m on dγ and dβ: out does not average
 * over the examples (the cost already did).
 */
export function batchnormBackward(dout: tf.Tensor2D, cache: BatchnormCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  return notImplemented('batchnormBackward');
}

/**
 * Exercise 3 — the running statistics, one exponentially weighted average step:
 *   mean     ← momentum · mean     + (1 − momentum) · μ
 *   variance ← momentum · variance + (1 − momentum) · σ²
 * Return a new { mean, variance }.
 */
export function updateRunningAverages(running: RunningStats, mu: tf.Tensor2D, variance: tf.Tensor2D, momentum = 0.9): RunningStats {
  return notImplemented('updateRunningAverages');
}

/**
 * Exercise 4 — batch norm at test time. A test example may come alone, so there is
 * no batch to average over: use the running statistics instead of the batch's.
 *   out = γ ⊙ (Z − running.mean) / √(running.variance + ε) + β
 */
export function batchnormInference(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, running: RunningStats, epsilon = 1e-5): tf.Tensor2D {
  return notImplemented('batchnormInference');
}
