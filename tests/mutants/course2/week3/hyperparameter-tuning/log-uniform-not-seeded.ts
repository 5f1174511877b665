import { np } from '../../../../../lib/np-random';
export * from '../../../../../solutions/course2/week3/hyperparameter-tuning';

export const mutant = { fn: 'sampleLogUniform', hint: 'Call np.random.seed(seed) first, before drawing: the same seed must give the same samples.' };

export function sampleLogUniform(low: number, high: number, n: number, seed = 1): number[] {
  void seed;
  return np.random.uniform(Math.log10(low), Math.log10(high), n).map((r) => 10 ** r);
}
