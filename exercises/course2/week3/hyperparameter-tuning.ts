/**
 * Course 2, week 3 — Hyperparameter tuning: sampling on a log scale.
 *
 * Random search tries hyperparameters drawn at random rather than on a grid.
 * "At random" needs the right scale: a learning rate between 0.0001 and 1
 * drawn uniformly would land above 0.1 nine times out of ten. You will sample
 * on a log scale, do the same for the β of an exponentially weighted average
 * (where 1 − β is what varies over decades), and zoom in on the best region.
 * Read hyperparameter-tuning.md first. Grade your work with: npm run grade course2/week3
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import { np } from '../../../lib/np-random';
import { notImplemented } from '../../../lib/not-implemented';

/**
 * Exercise 1 — n values between low and high, uniform on a log scale.
 *   np.random.seed(seed)
 *   r = np.random.uniform(log10(low), log10(high), n)      (n exponents; Math.log10)
 *   value = 10^r                                           (10 ** r)
 * E.g. low = 0.0001, high = 1: r is uniform in [−4, 0], and each decade
 * [0.0001, 0.001], …, [0.1, 1] gets a quarter of the samples.
 * Returns a plain number[] (np.random.uniform returns one).
 */
export function sampleLogUniform(low: number, high: number, n: number, seed = 1): number[] {
  void np; // you will need np.random here
  return notImplemented('sampleLogUniform');
}

/**
 * Exercise 2 — n values of β between low and high (0 < low < high < 1), with 1 − β
 * uniform on a log scale: β from 0.9 to 0.999 means 1 − β from 0.1 down to 0.001.
 *   np.random.seed(seed)
 *   r = np.random.uniform(log10(1 − high), log10(1 − low), n)   (in this order: r from −3 to −1 here)
 *   β = 1 − 10^r
 * Why: the average covers about 1/(1 − β) values, so β = 0.999 vs 0.9995 (1000 vs 2000
 * values) matters much more than β = 0.9 vs 0.9005.
 */
export function sampleBeta(low: number, high: number, n: number, seed = 1): number[] {
  return notImplemented('sampleBeta');
}

/**
 * Exercise 3 — coarse to fine. values[i] was tried and scored scores[i] (higher is
 * better). Return [lo, hi]: the smallest and the largest of the k values with the
 * highest scores — the region to sample more densely next.
 * Tip: pair each value with its score before sorting, so they stay together.
 */
export function zoomIn(values: number[], scores: number[], k: number): [number, number] {
  return notImplemented('zoomIn');
}
