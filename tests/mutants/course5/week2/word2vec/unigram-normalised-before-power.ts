export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'unigramDistribution', hint: 'The counts are normalised before the power is applied, so the result no longer sums to 1: raise the counts to the power first, then divide by the sum of the powered counts.' };

export function unigramDistribution(counts: number[], power = 0.75): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (c / total) ** power);
}
