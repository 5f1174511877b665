/**
 * Course 2, week 1 — Initialization.
 *
 * How you start gradient descent decides whether it gets anywhere. You will write
 * four initializers for an L-layer network and see (in the grader's symmetry
 * check) why zeros cannot work, why huge random weights hurt, and which scale
 * He and Xavier initialization choose. Read initialization.md first.
 * Grade your work with: npm run grade -- course2/week1/initialization
 *
 * Conventions, as in the course: layersDims = [n_0, n_1, …, n_L] lists the layer
 * sizes, n_0 being the number of input features. Return { W1, b1, …, WL, bL } with
 * Wl of shape [n_l, n_(l−1)] and bl of shape [n_l, 1].
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';
import { notImplemented } from '../../../lib/not-implemented';

/** { W1, b1, …, WL, bL }: Wl is [n_l, n_(l−1)], bl is [n_l, 1]. */
export type Parameters = Record<string, tf.Tensor2D>;

/**
 * Exercise 1 — zero initialization.
 * For l = 1 … L (L = layersDims.length − 1): Wl = zeros [n_l, n_(l−1)], bl = zeros [n_l, 1].
 * Useful: tf.zeros([rows, cols]). The keys are strings: parameters[`W${l}`].
 * (This one is meant to fail at training: every hidden unit computes the same
 * function and receives the same update, forever.)
 */
export function initializeParametersZeros(layersDims: number[]): Parameters {
  return notImplemented('initializeParametersZeros');
}

/**
 * Exercise 2 — large random initialization.
 * Call np.random.seed(3) once, first (so your numbers match the grader's), then for l = 1 … L:
 *   Wl = np.random.randn(n_l, n_(l−1)) × 10,   bl = zeros [n_l, 1].
 * np.random.randn(rows, cols) returns a flat array: tf.tensor2d(values, [rows, cols]) shapes it.
 * Draw the layers in order, W1 first: the grader's numbers come from that same stream.
 */
export function initializeParametersRandom(layersDims: number[]): Parameters {
  void np; // you will need np.random here
  return notImplemented('initializeParametersRandom');
}

/**
 * Exercise 3 — He initialization (for ReLU layers).
 * np.random.seed(3), then for l = 1 … L:
 *   Wl = np.random.randn(n_l, n_(l−1)) × √(2 / n_(l−1)),   bl = zeros [n_l, 1].
 * The scale uses the size of the PREVIOUS layer: the number of inputs each unit sums.
 */
export function initializeParametersHe(layersDims: number[]): Parameters {
  return notImplemented('initializeParametersHe');
}

/**
 * Exercise 4 — Xavier initialization (the course's variant, for tanh layers).
 * np.random.seed(3), then for l = 1 … L:
 *   Wl = np.random.randn(n_l, n_(l−1)) × √(1 / n_(l−1)),   bl = zeros [n_l, 1].
 */
export function initializeParametersXavier(layersDims: number[]): Parameters {
  return notImplemented('initializeParametersXavier');
}
