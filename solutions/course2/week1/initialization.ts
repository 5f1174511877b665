/**
 * Course 2, week 1 — Initialization.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';

/** { W1, b1, …, WL, bL }: Wl is [n_l, n_(l−1)], bl is [n_l, 1]. */
export type Parameters = Record<string, tf.Tensor2D>;

/** Every weight and bias zero. */
export function initializeParametersZeros(layersDims: number[]): Parameters {
  const parameters: Parameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    parameters[`W${l}`] = tf.zeros([layersDims[l]!, layersDims[l - 1]!]) as tf.Tensor2D;
    parameters[`b${l}`] = tf.zeros([layersDims[l]!, 1]) as tf.Tensor2D;
  }
  return parameters;
}

/** Large random weights, randn × 10 after np.random.seed(3); zero biases. */
export function initializeParametersRandom(layersDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    const [n, nPrev] = [layersDims[l]!, layersDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).mul(10) as tf.Tensor2D;
    parameters[`b${l}`] = tf.zeros([n, 1]) as tf.Tensor2D;
  }
  return parameters;
}

/** He initialization: randn × √(2 / n_(l−1)) after np.random.seed(3); zero biases. */
export function initializeParametersHe(layersDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    const [n, nPrev] = [layersDims[l]!, layersDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).mul(Math.sqrt(2 / nPrev)) as tf.Tensor2D;
    parameters[`b${l}`] = tf.zeros([n, 1]) as tf.Tensor2D;
  }
  return parameters;
}

/** Xavier initialization: randn × √(1 / n_(l−1)) after np.random.seed(3); zero biases. */
export function initializeParametersXavier(layersDims: number[]): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  for (let l = 1; l < layersDims.length; l++) {
    const [n, nPrev] = [layersDims[l]!, layersDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).mul(Math.sqrt(1 / nPrev)) as tf.Tensor2D;
    parameters[`b${l}`] = tf.zeros([n, 1]) as tf.Tensor2D;
  }
  return parameters;
}
