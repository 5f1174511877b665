export * from '../../../../../solutions/course5/week3/beam-search-bleu';

export const mutant = { fn: 'brevityPenalty', hint: "r is the length of the reference closest to the candidate's length, not the longest reference." };

export function brevityPenalty(references: string[][], candidate: string[]): number {
  const c = candidate.length;
  const r = Math.max(...references.map((ref) => ref.length));
  if (c === 0) return 0;
  return c > r ? 1 : Math.exp(1 - r / c);
}
