/**
 * Course 5, week 3 — Beam search and BLEU.
 * Reference solution.
 *
 * Beam search decodes from a tiny decoder RNN (lib/beam-search-decoder.ts):
 * nextLogProbs(decoder, prefix) gives log P(next token | prefix); token 0 is EOS.
 * BLEU (Papineni et al. 2002) scores a candidate sentence (a list of words)
 * against one or more reference sentences.
 */
import { EOS, nextLogProbs, vocabSize, type Decoder } from '../../../lib/beam-search-decoder';

export type { Decoder };

/** One decoded sentence: its tokens (ending with EOS when finished), Σ log P, and the normalized score. */
export interface Hypothesis {
  tokens: number[];
  logProb: number;
  score: number;
}

/** Higher first; on an exact tie, the lexicographically smaller token list first. */
function before(a: { tokens: number[] }, b: { tokens: number[] }, ka: number, kb: number): number {
  if (ka !== kb) return kb - ka;
  for (let i = 0; i < Math.min(a.tokens.length, b.tokens.length); i++) {
    if (a.tokens[i] !== b.tokens[i]) return a.tokens[i]! - b.tokens[i]!;
  }
  return a.tokens.length - b.tokens.length;
}

/** The length-normalized score (1 / Ty^α) · Σ log P, Ty counting every token (EOS included). */
function normalized(logProb: number, length: number, alpha: number): number {
  return logProb / length ** alpha;
}

/**
 * Beam search: from the empty prefix, extend every hypothesis of the beam by
 * every token, keep the beamWidth candidates of highest Σ log P; a kept
 * candidate ending with EOS is finished and leaves the beam. After maxLen steps
 * (or when the beam is empty), the finished hypotheses and those still in the
 * beam are ranked by (1/Ty^α)·Σ log P; the best beamWidth are returned, best first.
 */
export function beamSearch(decoder: Decoder, beamWidth: number, maxLen: number, alpha = 0.7): Hypothesis[] {
  const V = vocabSize(decoder);
  let beam: { tokens: number[]; logProb: number }[] = [{ tokens: [], logProb: 0 }];
  const finished: { tokens: number[]; logProb: number }[] = [];
  for (let t = 0; t < maxLen && beam.length > 0; t++) {
    const candidates = beam.flatMap((h) => {
      const lp = nextLogProbs(decoder, h.tokens);
      return Array.from({ length: V }, (_, v) => ({ tokens: [...h.tokens, v], logProb: h.logProb + lp[v]! }));
    });
    candidates.sort((a, b) => before(a, b, a.logProb, b.logProb));
    const kept = candidates.slice(0, beamWidth);
    finished.push(...kept.filter((h) => h.tokens[h.tokens.length - 1] === EOS));
    beam = kept.filter((h) => h.tokens[h.tokens.length - 1] !== EOS);
  }
  const all = [...finished, ...beam].map((h) => ({ ...h, score: normalized(h.logProb, h.tokens.length, alpha) }));
  all.sort((a, b) => before(a, b, a.score, b.score));
  return all.slice(0, beamWidth);
}

/** The n-grams of a sentence, as space-joined strings, with their counts. */
function ngramCounts(words: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const g = words.slice(i, i + n).join(' ');
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

/**
 * Modified n-gram precision p_n: each candidate n-gram's count clipped to the
 * largest number of times it occurs in any one reference, summed, over the
 * number of n-grams of the candidate (0 when the candidate has none).
 */
export function modifiedPrecision(references: string[][], candidate: string[], n: number): number {
  const counts = ngramCounts(candidate, n);
  const refCounts = references.map((r) => ngramCounts(r, n));
  let clipped = 0;
  let total = 0;
  for (const [g, c] of counts) {
    const maxRef = Math.max(0, ...refCounts.map((r) => r.get(g) ?? 0));
    clipped += Math.min(c, maxRef);
    total += c;
  }
  return total === 0 ? 0 : clipped / total;
}

/**
 * BP = 1 when the candidate is longer than r, else exp(1 − r/c), where c is the
 * candidate's length and r the length of the reference closest to c (the
 * shorter one on a tie). An empty candidate gets 0.
 */
export function brevityPenalty(references: string[][], candidate: string[]): number {
  const c = candidate.length;
  const r = references
    .map((ref) => ref.length)
    .reduce((best, len) => (Math.abs(len - c) < Math.abs(best - c) || (Math.abs(len - c) === Math.abs(best - c) && len < best) ? len : best));
  if (c > r) return 1;
  if (c === 0) return 0;
  return Math.exp(1 - r / c);
}

/** BLEU = BP · exp((1/N) Σ_{n=1..N} log p_n): 0 when any p_n is 0. */
export function bleu(references: string[][], candidate: string[], maxN = 4): number {
  let logSum = 0;
  for (let n = 1; n <= maxN; n++) {
    const p = modifiedPrecision(references, candidate, n);
    if (p === 0) return 0;
    logSum += Math.log(p);
  }
  return brevityPenalty(references, candidate) * Math.exp(logSum / maxN);
}
