/**
 * Correct alternative in another legitimate style: typed arrays and index
 * sorting — each step's candidate log-probabilities go into one Float64Array
 * (beam-major), an Int32Array of indices is sorted and the top beamWidth kept;
 * BLEU with functional array built-ins (reduce, Math.min/Math.max over spreads)
 * and a single-pass brevity penalty.
 */
import { EOS, nextLogProbs, vocabSize, type Decoder } from '../../../../../lib/beam-search-decoder';

export interface Hypothesis {
  tokens: number[];
  logProb: number;
  score: number;
}

function tokensBefore(a: number[], b: number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function beamSearch(decoder: Decoder, beamWidth: number, maxLen: number, alpha = 0.7): Hypothesis[] {
  const V = vocabSize(decoder);
  let beamTokens: number[][] = [[]];
  let beamLp = new Float64Array([0]);
  const finished: { tokens: number[]; logProb: number }[] = [];
  for (let step = 0; step < maxLen && beamTokens.length > 0; step++) {
    const n = beamTokens.length * V;
    const lp = new Float64Array(n);
    beamTokens.forEach((toks, h) => lp.set(nextLogProbs(decoder, toks).map((x) => x + beamLp[h]!), h * V));
    const tokensOf = (i: number) => [...beamTokens[Math.floor(i / V)]!, i % V];
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((i, j) => (lp[j]! - lp[i]!) || tokensBefore(tokensOf(i), tokensOf(j)));
    const keep = Array.from(order.subarray(0, Math.min(beamWidth, n)));
    const nextTokens: number[][] = [];
    const nextLp: number[] = [];
    for (const i of keep) {
      const toks = tokensOf(i);
      if (i % V === EOS) finished.push({ tokens: toks, logProb: lp[i]! });
      else {
        nextTokens.push(toks);
        nextLp.push(lp[i]!);
      }
    }
    beamTokens = nextTokens;
    beamLp = Float64Array.from(nextLp);
  }
  const all: Hypothesis[] = [...finished, ...beamTokens.map((tokens, h) => ({ tokens, logProb: beamLp[h]! }))].map((h) => ({ ...h, score: h.logProb / h.tokens.length ** alpha }));
  return all.sort((a, b) => (b.score - a.score) || tokensBefore(a.tokens, b.tokens)).slice(0, beamWidth);
}

const ngrams = (words: string[], n: number): string[] => words.slice(0, Math.max(0, words.length - n + 1)).map((_, i) => words.slice(i, i + n).join('\u0001'));
const tally = (items: string[]) => items.reduce((m, g) => m.set(g, (m.get(g) ?? 0) + 1), new Map<string, number>());

export function modifiedPrecision(references: string[][], candidate: string[], n: number): number {
  const cand = ngrams(candidate, n);
  if (cand.length === 0) return 0;
  const refTallies = references.map((r) => tally(ngrams(r, n)));
  const clipped = [...tally(cand)].reduce((s, [g, c]) => s + Math.min(c, Math.max(0, ...refTallies.map((t) => t.get(g) ?? 0))), 0);
  return clipped / cand.length;
}

export function brevityPenalty(references: string[][], candidate: string[]): number {
  const c = candidate.length;
  const r = references.reduce((best, ref) => {
    const d = Math.abs(ref.length - c) - Math.abs(best - c);
    return d < 0 || (d === 0 && ref.length < best) ? ref.length : best;
  }, references[0]!.length);
  if (c === 0) return 0;
  return c > r ? 1 : Math.exp(1 - r / c);
}

export function bleu(references: string[][], candidate: string[], maxN = 4): number {
  const ps = Array.from({ length: maxN }, (_, i) => modifiedPrecision(references, candidate, i + 1));
  if (ps.some((p) => p === 0)) return 0;
  const meanLog = ps.reduce((s, p) => s + Math.log(p), 0) / maxN;
  return Math.exp(meanLog) * brevityPenalty(references, candidate);
}

export const alternative = { style: 'builtin', fns: ['beamSearch', 'modifiedPrecision', 'brevityPenalty', 'bleu'] };
