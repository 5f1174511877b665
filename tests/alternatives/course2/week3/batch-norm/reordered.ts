/** Rearranged: variance as E[Z²] − μ², rsqrt multiplied in, dZ = γ/(m·σ)·(m·dout − Σdout − Ẑ·dγ) (dβ, dγ reused), EMA as mean + (1 − momentum)(μ − mean). */
import * as tf from '@tensorflow/tfjs';

export type BatchnormCache = { Z: tf.Tensor2D; Znorm: tf.Tensor2D; mu: tf.Tensor2D; variance: tf.Tensor2D; gamma: tf.Tensor2D; epsilon: number };
export type RunningStats = { mean: tf.Tensor2D; variance: tf.Tensor2D };

export function batchnormForward(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, epsilon = 1e-5): [tf.Tensor2D, BatchnormCache] {
  const m = Z.shape[1];
  const mu = Z.sum(1).div(m).expandDims(1) as tf.Tensor2D;
  // Shifted data for a stable E[x²] − E[x]²: subtract the first column (any shift works), then correct the mean.
  const shift = Z.slice([0, 0], [-1, 1]);
  const shifted = Z.sub(shift);
  const meanShifted = shifted.mean(1, true);
  const variance = tf.relu(shifted.square().mean(1, true).sub(meanShifted.square())) as tf.Tensor2D;
  const Znorm = Z.sub(mu).mul(tf.rsqrt(variance.add(epsilon))) as tf.Tensor2D;
  const out = beta.add(Znorm.mul(gamma)) as tf.Tensor2D;
  return [out, { Z, Znorm, mu, variance, gamma, epsilon }];
}

export function batchnormBackward(dout: tf.Tensor2D, cache: BatchnormCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const { Znorm, variance, gamma, epsilon } = cache;
  const m = dout.shape[1];
  const dbeta = dout.sum(-1, true) as tf.Tensor2D;
  const dgamma = Znorm.mul(dout).sum(-1, true) as tf.Tensor2D;
  // Σ dẐ = γ·dβ and Σ dẐ⊙Ẑ = γ·dγ, so γ factors out.
  const factor = gamma.div(variance.add(epsilon).sqrt().mul(m));
  const dZ = factor.mul(dout.mul(m).sub(dbeta).sub(Znorm.mul(dgamma))) as tf.Tensor2D;
  return [dZ, dgamma, dbeta];
}

export function updateRunningAverages(running: RunningStats, mu: tf.Tensor2D, variance: tf.Tensor2D, momentum = 0.9): RunningStats {
  const w = 1 - momentum;
  return {
    variance: running.variance.add(variance.sub(running.variance).mul(w)) as tf.Tensor2D,
    mean: running.mean.add(mu.sub(running.mean).mul(w)) as tf.Tensor2D,
  };
}

export function batchnormInference(Z: tf.Tensor2D, gamma: tf.Tensor2D, beta: tf.Tensor2D, running: RunningStats, epsilon = 1e-5): tf.Tensor2D {
  // Fold into one affine map per unit: scale = γ/√(v + ε), shift = β − scale·mean.
  const scale = gamma.div(running.variance.add(epsilon).sqrt());
  const shift = beta.sub(scale.mul(running.mean));
  return Z.mul(scale).add(shift) as tf.Tensor2D;
}

export const alternative = { style: 'reordered', fns: ['batchnormForward', 'batchnormBackward', 'updateRunningAverages', 'batchnormInference'] };
