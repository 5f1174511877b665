import * as tf from '@tensorflow/tfjs';
import { np } from '../np-random';

/**
 * The network the optimization-methods assignment (course 2, week 2) trains on
 * the moons dataset — the course's opt_utils, provided and not graded:
 * LINEAR → RELU for every hidden layer, then LINEAR → SIGMOID.
 *
 * Parameters are records { W1, b1, …, WL, bL } (Wl is [n_l, n_(l−1)], bl is [n_l, 1]);
 * gradients are records { dW1, db1, … }. Examples are columns: X is [nX, m].
 */
export type NetParameters = { [key: string]: tf.Tensor2D };
export type NetGrads = { [key: string]: tf.Tensor2D };
/** What backward propagation needs: every layer's input A_prev and linear output Z (1-based: A[0] is X). */
export type NetCache = { A: tf.Tensor2D[]; Z: tf.Tensor2D[]; W: tf.Tensor2D[] };

/** He initialisation, seeded like the course: np.random.seed(3), Wl = randn(n_l, n_(l−1))·√(2/n_(l−1)), bl = 0. */
export function initializeNetParameters(layersDims: number[]): NetParameters {
  np.random.seed(3);
  const parameters: NetParameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    const [rows, cols] = [layersDims[l]!, layersDims[l - 1]!];
    const values = np.random.randn(rows, cols).map((w) => w * Math.sqrt(2 / cols));
    parameters[`W${l}`] = tf.tensor2d(values, [rows, cols]);
    parameters[`b${l}`] = tf.zeros([rows, 1]);
  }
  return parameters;
}

/** Forward pass: returns [AL, cache], AL the [1, m] sigmoid output. */
export function netForward(X: tf.Tensor2D, parameters: NetParameters): [tf.Tensor2D, NetCache] {
  const L = Object.keys(parameters).length / 2;
  const cache: NetCache = { A: [X], Z: [], W: [] };
  let A = X;
  for (let l = 1; l <= L; l++) {
    const W = parameters[`W${l}`]!;
    const Z = tf.add(tf.matMul(W, A), parameters[`b${l}`]!) as tf.Tensor2D;
    A = l < L ? tf.relu(Z) : tf.sigmoid(Z);
    cache.Z.push(Z);
    cache.W.push(W);
    cache.A.push(A);
  }
  return [A, cache];
}

/**
 * The cross-entropy SUMMED over the examples (not averaged), as in the course's
 * opt_utils: the training loop adds it up over the mini-batches and divides by m.
 */
export function netCostTotal(AL: tf.Tensor2D, Y: tf.Tensor2D): number {
  return tf.tidy(() => {
    const a = tf.clipByValue(AL, 1e-7, 1 - 1e-7);
    const logprobs = tf.add(tf.mul(Y, tf.log(a)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, a))));
    return -tf.sum(logprobs).dataSync()[0]!;
  });
}

/** Gradients of the MEAN cross-entropy over this (mini-)batch, keyed dW1, db1, …. */
export function netBackward(X: tf.Tensor2D, Y: tf.Tensor2D, cache: NetCache): NetGrads {
  const m = X.shape[1];
  const L = cache.Z.length;
  const grads: NetGrads = {};
  let dZ = tf.sub(cache.A[L]!, Y).div(m) as tf.Tensor2D;
  for (let l = L; l >= 1; l--) {
    grads[`dW${l}`] = tf.matMul(dZ, cache.A[l - 1]!, false, true);
    grads[`db${l}`] = tf.sum(dZ, 1, true) as tf.Tensor2D;
    if (l > 1) {
      const dA = tf.matMul(cache.W[l - 1]!, dZ, true, false);
      dZ = tf.mul(dA, tf.step(cache.Z[l - 2]!)) as tf.Tensor2D;
    }
  }
  return grads;
}

/** The mean cross-entropy of the network on (X, Y), as a number. */
export function netCost(X: tf.Tensor2D, Y: tf.Tensor2D, parameters: NetParameters): number {
  return tf.tidy(() => netCostTotal(netForward(X, parameters)[0], Y) / X.shape[1]);
}

/** 0/1 predictions, a [1, m] tensor: 1 where the network's output is above 0.5. */
export function netPredict(X: tf.Tensor2D, parameters: NetParameters): tf.Tensor2D {
  return tf.tidy(() => tf.cast(tf.greater(netForward(X, parameters)[0], 0.5), 'float32') as tf.Tensor2D);
}
