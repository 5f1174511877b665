export * from '../../../../../solutions/course5/week3/beam-search-bleu';

export const mutant = { fn: 'modifiedPrecision', hint: 'This divides by the number of n-grams of the references (a recall): precision divides by the number of n-grams of the candidate.' };

function counts(words: string[], n: number): Map<string, number> {
  const c = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const g = words.slice(i, i + n).join(' ');
    c.set(g, (c.get(g) ?? 0) + 1);
  }
  return c;
}

export function modifiedPrecision(references: string[][], candidate: string[], n: number): number {
  const cand = counts(candidate, n);
  const refs = references.map((r) => counts(r, n));
  let clipped = 0;
  for (const [g, c] of cand) clipped += Math.min(c, Math.max(0, ...refs.map((r) => r.get(g) ?? 0)));
  const total = references.reduce((s, r) => s + Math.max(0, r.length - n + 1), 0);
  return total === 0 ? 0 : clipped / total;
}
