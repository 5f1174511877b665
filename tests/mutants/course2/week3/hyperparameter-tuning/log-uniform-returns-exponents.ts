import { np } from '../../../../../lib/np-random';
export * from '../../../../../solutions/course2/week3/hyperparameter-tuning';

export const mutant = { fn: 'sampleLogUniform', hint: 'These are the exponents r: return 10^r (10 ** r), the values themselves.' };

export function sampleLogUniform(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  return np.random.uniform(Math.log10(low), Math.log10(high), n);
}
