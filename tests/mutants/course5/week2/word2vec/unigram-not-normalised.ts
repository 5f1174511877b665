export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'unigramDistribution', hint: 'The probabilities do not sum to 1: divide every count^power by the sum of all of them.' };

export function unigramDistribution(counts: number[], power = 0.75): number[] {
  return counts.map((c) => c ** power);
}
