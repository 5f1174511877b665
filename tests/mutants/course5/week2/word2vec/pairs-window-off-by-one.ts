export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'skipGramPairs', hint: 'The window stops one short: contexts go up to windowSize positions on each side, inclusive (t − windowSize … t + windowSize).' };

export function skipGramPairs(corpus: number[], windowSize: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let t = 0; t < corpus.length; t++) {
    for (let j = Math.max(0, t - windowSize + 1); j < Math.min(corpus.length, t + windowSize); j++) {
      if (j !== t) pairs.push([corpus[t]!, corpus[j]!]);
    }
  }
  return pairs;
}
