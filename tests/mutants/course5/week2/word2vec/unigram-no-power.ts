export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'unigramDistribution', hint: 'The counts are not raised to the power: p ∝ counts^power (¾ by default), which flattens the distribution.' };

export function unigramDistribution(counts: number[], power = 0.75): number[] {
  void power;
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => c / total);
}
