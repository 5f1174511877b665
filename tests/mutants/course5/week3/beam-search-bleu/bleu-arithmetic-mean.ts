import { brevityPenalty, modifiedPrecision } from '../../../../../solutions/course5/week3/beam-search-bleu';
export * from '../../../../../solutions/course5/week3/beam-search-bleu';

export const mutant = { fn: 'bleu', hint: 'This is the arithmetic mean of the precisions: BLEU takes their geometric mean, exp((1/N) Σ log p_n).' };

export function bleu(references: string[][], candidate: string[], maxN = 4): number {
  let sum = 0;
  for (let n = 1; n <= maxN; n++) sum += modifiedPrecision(references, candidate, n);
  return brevityPenalty(references, candidate) * (sum / maxN);
}
