/**
 * "Did you mean …?" for names a person typed: function names (`forward_propagation`
 * → `forwardPropagation`), selectors (`wek3` → `week3`). Case, `_` and `-` do not
 * count; beyond that, the closest candidate within a third of the name's length.
 */
export function didYouMean(typed: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');
  const t = norm(typed);
  const exact = candidates.find((c) => norm(c) === t);
  if (exact) return exact;
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distance(t, norm(c));
    if (!best || d < best.d) best = { c, d };
  }
  return best && best.d <= Math.max(1, Math.floor(t.length / 3)) ? best.c : undefined;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
