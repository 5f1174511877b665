/**
 * The attention step in plain TensorFlow.js ops (no layers), for the gradient
 * check: an answer key, so the learner edition does not ship it and the check
 * using it is hidden.
 */
import type * as TF from '@tensorflow/tfjs';

/** context [m, 1, 2nA] of one attention step, from a [m, Tx, 2nA] and sPrev [m, nS]. */
export function attentionContext(tf: typeof TF, a: TF.Tensor, sPrev: TF.Tensor, k1: TF.Tensor, b1: TF.Tensor, k2: TF.Tensor, b2: TF.Tensor): TF.Tensor {
  const [m, Tx, n] = a.shape as [number, number, number];
  const nS = sPrev.shape[1]!;
  const repeated = tf.tile(tf.reshape(sPrev, [m, 1, nS]), [1, Tx, 1]);
  const concat = tf.reshape(tf.concat([a, repeated], 2), [m * Tx, n + nS]);
  const e = tf.tanh(tf.add(tf.matMul(concat, k1), b1));
  const energies = tf.reshape(tf.relu(tf.add(tf.matMul(e, k2), b2)), [m, Tx, 1]);
  const exp = tf.exp(tf.sub(energies, tf.max(energies, 1, true)));
  const alphas = tf.div(exp, tf.sum(exp, 1, true));
  return tf.matMul(alphas, a, true, false);
}
