import { np } from '../../../../../lib/np-random';
export * from '../../../../../solutions/course2/week3/hyperparameter-tuning';

export const mutant = { fn: 'sampleLogUniform', hint: 'The values are uniform between low and high, so almost all land in the top decade: sample the exponent r uniformly between log10(low) and log10(high) and return 10^r.' };

export function sampleLogUniform(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  return np.random.uniform(low, high, n);
}
