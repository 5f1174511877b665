export * from '../../../../../solutions/course5/week2/word2vec';

export const mutant = { fn: 'skipGramPairs', hint: 'The pairs are right but listed offset by offset: list them by centre position t, then by context position from left to right (the order the training visits them).' };

export function skipGramPairs(corpus: number[], windowSize: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let offset = -windowSize; offset <= windowSize; offset++) {
    if (offset === 0) continue;
    for (let t = 0; t < corpus.length; t++) {
      const j = t + offset;
      if (j >= 0 && j < corpus.length) pairs.push([corpus[t]!, corpus[j]!]);
    }
  }
  return pairs;
}
