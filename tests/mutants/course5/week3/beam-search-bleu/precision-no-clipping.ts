export * from '../../../../../solutions/course5/week3/beam-search-bleu';

export const mutant = { fn: 'modifiedPrecision', hint: 'The counts are not clipped: a candidate word counts at most as many times as it appears in a reference.' };

export function modifiedPrecision(references: string[][], candidate: string[], n: number): number {
  const refGrams = new Set(references.flatMap((r) => r.slice(0, Math.max(0, r.length - n + 1)).map((_, i) => r.slice(i, i + n).join(' '))));
  let matched = 0;
  let total = 0;
  for (let i = 0; i + n <= candidate.length; i++) {
    if (refGrams.has(candidate.slice(i, i + n).join(' '))) matched++;
    total++;
  }
  return total === 0 ? 0 : matched / total;
}
