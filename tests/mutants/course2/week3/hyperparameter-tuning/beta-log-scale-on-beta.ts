import { np } from '../../../../../lib/np-random';
export * from '../../../../../solutions/course2/week3/hyperparameter-tuning';

export const mutant = { fn: 'sampleBeta', hint: 'β itself is sampled on a log scale, which is nearly uniform between 0.9 and 0.999: it is 1 − β that spans decades, r = uniform(log10(1 − high), log10(1 − low)), β = 1 − 10^r.' };

export function sampleBeta(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  return np.random.uniform(Math.log10(low), Math.log10(high), n).map((r) => 10 ** r);
}
