import { np } from '../../../../../lib/np-random';
export * from '../../../../../solutions/course2/week3/hyperparameter-tuning';

export const mutant = { fn: 'sampleLogUniform', hint: 'The bounds use Math.log (base e) but the values 10^r (base 10): use Math.log10 for the bounds, or Math.exp for the values.' };

export function sampleLogUniform(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  return np.random.uniform(Math.log(low), Math.log(high), n).map((r) => 10 ** r);
}
