/** Rearranged: natural exponent e^(r·ln 10), 1 − β as 10^r then subtracted via expm1, ascending sort of indices taking the tail. */
import { np } from '../../../../../lib/np-random';

export function sampleLogUniform(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  const exponents = np.random.uniform(Math.log(low) / Math.LN10, Math.log(high) / Math.LN10, n);
  return exponents.map((r) => Math.exp(r * Math.LN10));
}

export function sampleBeta(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  const lowExp = Math.log10(1 - high);
  const highExp = Math.log10(1 - low);
  return np.random.uniform(lowExp, highExp, n).map((r) => -Math.expm1(r * Math.LN10));
}

export function zoomIn(values: number[], scores: number[], k: number): [number, number] {
  const ascending = scores.map((_, i) => i).sort((i, j) => scores[i]! - scores[j]!);
  const chosen = ascending.slice(ascending.length - k).map((i) => values[i]!);
  const sorted = [...chosen].sort((x, y) => x - y);
  return [sorted[0]!, sorted[sorted.length - 1]!];
}

export const alternative = { style: 'reordered', fns: ['sampleLogUniform', 'sampleBeta', 'zoomIn'] };
