import { np } from '../../../../../lib/np-random';
export * from '../../../../../solutions/course2/week3/hyperparameter-tuning';

export const mutant = { fn: 'sampleLogUniform', hint: 'The range is hard-coded to the lecture example (r = −4·rand(), 0.0001 to 1): use log10(low) and log10(high).' };

export function sampleLogUniform(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  void low;
  void high;
  return np.random.rand(n).map((u) => 10 ** (-4 * u));
}
