import { np } from '../../../../../lib/np-random';
export * from '../../../../../solutions/course2/week3/hyperparameter-tuning';

export const mutant = { fn: 'sampleLogUniform', hint: 'One exponent is drawn and repeated n times: draw n of them, np.random.uniform(log10(low), log10(high), n).' };

export function sampleLogUniform(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  const r = np.random.uniform(Math.log10(low), Math.log10(high), 1)[0]!;
  return new Array<number>(n).fill(10 ** r);
}
