/**
 * Correct alternative, course style: explicit for-loops throughout — a top-k
 * list kept by insertion, n-gram counts in plain objects, lengths compared by
 * scanning.
 */
import { EOS, nextLogProbs, vocabSize, type Decoder } from '../../../../../lib/beam-search-decoder';

export interface Hypothesis {
  tokens: number[];
  logProb: number;
  score: number;
}

/** true when (va, a) must come before (vb, b): higher value, then lexicographically smaller tokens. */
function better(va: number, a: number[], vb: number, b: number[]): boolean {
  if (va !== vb) return va > vb;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length < b.length;
}

/** Inserts item into list (kept best first by key) and truncates it to k items. */
function insertTopK<T extends { tokens: number[] }>(list: T[], item: T, key: (x: T) => number, k: number): void {
  let pos = list.length;
  while (pos > 0 && better(key(item), item.tokens, key(list[pos - 1]!), list[pos - 1]!.tokens)) pos--;
  if (pos >= k) return;
  list.splice(pos, 0, item);
  if (list.length > k) list.pop();
}

export function beamSearch(decoder: Decoder, beamWidth: number, maxLen: number, alpha = 0.7): Hypothesis[] {
  const V = vocabSize(decoder);
  type H = { tokens: number[]; logProb: number };
  let beam: H[] = [{ tokens: [], logProb: 0 }];
  const done: H[] = [];
  for (let step = 0; step < maxLen; step++) {
    if (beam.length === 0) break;
    const top: H[] = [];
    for (const h of beam) {
      const lp = nextLogProbs(decoder, h.tokens);
      for (let v = 0; v < V; v++) insertTopK(top, { tokens: h.tokens.concat([v]), logProb: h.logProb + lp[v]! }, (x) => x.logProb, beamWidth);
    }
    const next: H[] = [];
    for (const h of top) {
      if (h.tokens[h.tokens.length - 1] === EOS) done.push(h);
      else next.push(h);
    }
    beam = next;
  }
  const results: Hypothesis[] = [];
  for (const h of [...done, ...beam]) {
    const score = h.logProb / Math.pow(h.tokens.length, alpha);
    insertTopK(results, { tokens: h.tokens, logProb: h.logProb, score }, (x) => x.score, beamWidth);
  }
  return results;
}

function counts(words: string[], n: number): Record<string, number> {
  const c: Record<string, number> = Object.create(null);
  for (let i = 0; i <= words.length - n; i++) {
    let key = words[i]!;
    for (let j = 1; j < n; j++) key += '\u0000' + words[i + j]!;
    c[key] = (c[key] ?? 0) + 1;
  }
  return c;
}

export function modifiedPrecision(references: string[][], candidate: string[], n: number): number {
  const total = candidate.length - n + 1;
  if (total <= 0) return 0;
  const cand = counts(candidate, n);
  const refs = references.map((r) => counts(r, n));
  let clipped = 0;
  for (const g of Object.keys(cand)) {
    let maxRef = 0;
    for (const r of refs) if ((r[g] ?? 0) > maxRef) maxRef = r[g]!;
    clipped += Math.min(cand[g]!, maxRef);
  }
  return clipped / total;
}

export function brevityPenalty(references: string[][], candidate: string[]): number {
  const c = candidate.length;
  if (c === 0) return 0;
  let r = -1;
  for (const ref of references) {
    const d = Math.abs(ref.length - c);
    if (r < 0 || d < Math.abs(r - c) || (d === Math.abs(r - c) && ref.length < r)) r = ref.length;
  }
  return c > r ? 1 : Math.exp(1 - r / c);
}

export function bleu(references: string[][], candidate: string[], maxN = 4): number {
  const ps: number[] = [];
  for (let n = 1; n <= maxN; n++) ps.push(modifiedPrecision(references, candidate, n));
  for (const p of ps) if (p === 0) return 0;
  let s = 0;
  for (const p of ps) s += Math.log(p);
  return brevityPenalty(references, candidate) * Math.exp(s / maxN);
}

export const alternative = { style: 'loops', fns: ['beamSearch', 'modifiedPrecision', 'brevityPenalty', 'bleu'] };
