import { modifiedPrecision } from '../../../../../solutions/course5/week3/beam-search-bleu';
export * from '../../../../../solutions/course5/week3/beam-search-bleu';

export const mutant = { fn: 'bleu', hint: 'The brevity penalty is missing: multiply the geometric mean by BP.' };

export function bleu(references: string[][], candidate: string[], maxN = 4): number {
  let logSum = 0;
  for (let n = 1; n <= maxN; n++) {
    const p = modifiedPrecision(references, candidate, n);
    if (p === 0) return 0;
    logSum += Math.log(p);
  }
  return Math.exp(logSum / maxN);
}
