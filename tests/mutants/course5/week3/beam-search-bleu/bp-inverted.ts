export * from '../../../../../solutions/course5/week3/beam-search-bleu';

export const mutant = { fn: 'brevityPenalty', hint: "The ratio is upside down: BP = exp(1 − r/c), with r the reference length and c the candidate's." };

export function brevityPenalty(references: string[][], candidate: string[]): number {
  const c = candidate.length;
  const r = references.map((ref) => ref.length).reduce((best, len) => (Math.abs(len - c) < Math.abs(best - c) || (Math.abs(len - c) === Math.abs(best - c) && len < best) ? len : best));
  if (c === 0) return 0;
  return c > r ? 1 : Math.exp(1 - c / r);
}
