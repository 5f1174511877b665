import * as tf from '@tensorflow/tfjs';
import type { BatchnormCache, RunningStats } from '../../../../../solutions/course2/week3/batch-norm';
export * from '../../../../../solutions/course2/week3/batch-norm';

export const mutant = { fn: 'batchnormBackward', hint: 'dZ is missing the 1/m in front of the bracket: dZ = (1/m)/√(σ² + ε) ⊙ (m·dẐ − …).' };

export function batchnormBackward(dout: tf.Tensor2D, cache: BatchnormCache): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const { Z, Znorm, variance, gamma, epsilon } = cache;
  void Z;
  const m = dout.shape[1];
  const dbeta = tf.sum(dout, 1, true) as tf.Tensor2D;
  const dgamma = tf.sum(tf.mul(dout, Znorm), 1, true) as tf.Tensor2D;
  const dZnorm = tf.mul(dout, gamma);
  const invStd = tf.rsqrt(tf.add(variance, epsilon));
  const inner = tf.sub(tf.sub(tf.mul(dZnorm, m), tf.sum(dZnorm, 1, true)), tf.mul(Znorm, tf.sum(tf.mul(dZnorm, Znorm), 1, true)));
  const dZ = tf.mul(invStd, inner) as tf.Tensor2D;
  return [dZ, dgamma, dbeta];
}
