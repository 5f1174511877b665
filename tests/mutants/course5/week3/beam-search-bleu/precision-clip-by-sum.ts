export * from '../../../../../solutions/course5/week3/beam-search-bleu';

export const mutant = { fn: 'modifiedPrecision', hint: 'The clip is the largest count in any one reference, not the sum over the references.' };

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
  let total = 0;
  for (const [g, c] of cand) {
    const sum = refs.reduce((s, r) => s + (r.get(g) ?? 0), 0);
    clipped += Math.min(c, sum);
    total += c;
  }
  return total === 0 ? 0 : clipped / total;
}
