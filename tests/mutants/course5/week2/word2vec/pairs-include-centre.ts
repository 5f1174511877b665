export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'skipGramPairs', hint: 'Every word is paired with itself at its own position: skip the offset 0 (j === t); the centre is not its own context.' };

export function skipGramPairs(corpus: number[], windowSize: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let t = 0; t < corpus.length; t++) {
    const last = Math.min(corpus.length - 1, t + windowSize);
    for (let j = Math.max(0, t - windowSize); j <= last; j++) pairs.push([corpus[t]!, corpus[j]!]);
  }
  return pairs;
}
