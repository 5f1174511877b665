import { np } from '../../../../../lib/np-random';
export * from '../../../../../solutions/course2/week3/hyperparameter-tuning';

export const mutant = { fn: 'sampleBeta', hint: '10^r is 1 − β: return β = 1 − 10^r.' };

export function sampleBeta(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  return np.random.uniform(Math.log10(1 - high), Math.log10(1 - low), n).map((r) => 10 ** r);
}
