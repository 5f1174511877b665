import { np } from '../../../../../lib/np-random';
export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'negativeSamples', hint: 'The negatives are drawn uniformly: pass the distribution, np.random.choice(p.length, { p }).' };

export function negativeSamples(p: number[], k: number, seed?: number): number[] {
  if (seed !== undefined) np.random.seed(seed);
  const negatives: number[] = [];
  for (let i = 0; i < k; i++) negatives.push(np.random.choice(p.length));
  return negatives;
}
