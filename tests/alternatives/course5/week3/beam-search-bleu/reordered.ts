/**
 * Correct alternative, rearranged: beam search ranks with a composite sort key
 * and scores with logProb · Ty^(−α); n-gram counts keyed by JSON, the
 * references merged first into one table of maximum counts; the closest
 * reference length found by sorting; BLEU as BP · Π p_n^(1/N).
 */
import { EOS, nextLogProbs, vocabSize, type Decoder } from '../../../../../lib/beam-search-decoder';

export interface Hypothesis {
  tokens: number[];
  logProb: number;
  score: number;
}

function lexCompare(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
/** Descending by value, then ascending by tokens. */
const byValue = <T extends { tokens: number[] }>(value: (x: T) => number) => (x: T, y: T) => {
  const dx = value(x), dy = value(y);
  if (dx === dy) return lexCompare(x.tokens, y.tokens);
  return dx < dy ? 1 : -1;
};

export function beamSearch(decoder: Decoder, beamWidth: number, maxLen: number, alpha = 0.7): Hypothesis[] {
  type Partial = { tokens: number[]; logProb: number };
  const vocab = vocabSize(decoder);
  const pool: Partial[] = [];
  let live: Partial[] = [{ tokens: [], logProb: 0 }];
  let t = 0;
  while (live.length && t++ < maxLen) {
    const expanded: Partial[] = [];
    for (const h of live) {
      const lp = nextLogProbs(decoder, h.tokens);
      for (let v = vocab - 1; v >= 0; v--) expanded.push({ tokens: [...h.tokens, v], logProb: lp[v]! + h.logProb });
    }
    const best = expanded.sort(byValue<Partial>((h) => h.logProb)).slice(0, beamWidth);
    live = [];
    for (const h of best) (h.tokens.at(-1) === EOS ? pool : live).push(h);
  }
  return [...live, ...pool]
    .map((h) => ({ tokens: h.tokens, logProb: h.logProb, score: h.logProb * Math.pow(h.tokens.length, -alpha) }))
    .sort(byValue<Hypothesis>((h) => h.score))
    .slice(0, beamWidth);
}

function grams(words: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let end = n; end <= words.length; end++) {
    const key = JSON.stringify(words.slice(end - n, end));
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

export function modifiedPrecision(references: string[][], candidate: string[], n: number): number {
  if (candidate.length < n) return 0;
  const maxRef = new Map<string, number>();
  for (const r of references) for (const [g, c] of grams(r, n)) maxRef.set(g, Math.max(c, maxRef.get(g) ?? 0));
  let clipped = 0;
  for (const [g, c] of grams(candidate, n)) clipped += Math.min(c, maxRef.get(g) ?? 0);
  return clipped / (candidate.length - n + 1);
}

export function brevityPenalty(references: string[][], candidate: string[]): number {
  const c = candidate.length;
  const [r] = references.map((x) => x.length).sort((a, b) => Math.abs(a - c) - Math.abs(b - c) || a - b) as [number];
  if (c > r) return 1;
  return c === 0 ? 0 : Math.exp(1 - r / c);
}

export function bleu(references: string[][], candidate: string[], maxN = 4): number {
  let product = 1;
  for (let n = 1; n <= maxN; n++) product *= Math.pow(modifiedPrecision(references, candidate, n), 1 / maxN);
  return product === 0 ? 0 : brevityPenalty(references, candidate) * product;
}

export const alternative = { style: 'reordered', fns: ['beamSearch', 'modifiedPrecision', 'brevityPenalty', 'bleu'] };
