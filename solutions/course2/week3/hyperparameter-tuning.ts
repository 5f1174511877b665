/**
 * Course 2, week 3 — Hyperparameter tuning: sampling on a log scale.
 * Reference solution.
 */
import { np } from '../../../lib/np-random';

/**
 * n values spread uniformly on a log scale between low and high:
 * np.random.seed(seed), r = np.random.uniform(log10(low), log10(high), n), value = 10^r.
 */
export function sampleLogUniform(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  const r = np.random.uniform(Math.log10(low), Math.log10(high), n);
  return r.map((v) => 10 ** v);
}

/**
 * n values of β (an exponentially weighted average's parameter) in [low, high], with
 * 1 − β uniform on a log scale: np.random.seed(seed),
 * r = np.random.uniform(log10(1 − high), log10(1 − low), n), β = 1 − 10^r.
 */
export function sampleBeta(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  const r = np.random.uniform(Math.log10(1 - high), Math.log10(1 - low), n);
  return r.map((v) => 1 - 10 ** v);
}

/**
 * Coarse to fine: the smallest and the largest of the k values with the highest
 * scores, the range to sample more densely next.
 */
export function zoomIn(values: number[], scores: number[], k: number): [number, number] {
  const best = values
    .map((value, i) => ({ value, score: scores[i]! }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((p) => p.value);
  return [Math.min(...best), Math.max(...best)];
}
