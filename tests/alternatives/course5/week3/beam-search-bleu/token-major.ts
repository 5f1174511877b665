/**
 * Correct alternative: beam search that builds each step's candidates token by
 * token (all hypotheses extended by token 0, then by token 1, …) rather than
 * hypothesis by hypothesis, so the order in which candidates are made is not
 * the tie-break order: exact ties are broken by an explicit lexicographic
 * comparison; the finished sentences are kept per step, in a map keyed by
 * length. The BLEU functions are the solution's.
 */
import { EOS, nextLogProbs, vocabSize, type Decoder } from '../../../../../lib/beam-search-decoder';

export { modifiedPrecision, brevityPenalty, bleu } from '../../../../../solutions/course5/week3/beam-search-bleu';

export interface Hypothesis {
  tokens: number[];
  logProb: number;
  score: number;
}

function lexCompare(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

export function beamSearch(decoder: Decoder, beamWidth: number, maxLen: number, alpha = 0.7): Hypothesis[] {
  const V = vocabSize(decoder);
  let beam: { tokens: number[]; logProb: number }[] = [{ tokens: [], logProb: 0 }];
  const finishedByLength = new Map<number, { tokens: number[]; logProb: number }[]>();
  for (let t = 1; t <= maxLen && beam.length > 0; t++) {
    const next = beam.map((h) => nextLogProbs(decoder, h.tokens));
    const candidates: { tokens: number[]; logProb: number }[] = [];
    for (let v = 0; v < V; v++) beam.forEach((h, i) => candidates.push({ tokens: h.tokens.concat(v), logProb: h.logProb + next[i]![v]! }));
    candidates.sort((a, b) => (a.logProb === b.logProb ? lexCompare(a.tokens, b.tokens) : b.logProb - a.logProb));
    const kept = candidates.slice(0, beamWidth);
    finishedByLength.set(t, kept.filter((h) => h.tokens[t - 1] === EOS));
    beam = kept.filter((h) => h.tokens[t - 1] !== EOS);
  }
  const results: Hypothesis[] = [];
  for (const list of finishedByLength.values()) for (const h of list) results.push({ ...h, score: h.logProb / Math.pow(h.tokens.length, alpha) });
  for (const h of beam) results.push({ ...h, score: h.logProb / Math.pow(h.tokens.length, alpha) });
  results.sort((a, b) => (a.score === b.score ? lexCompare(a.tokens, b.tokens) : b.score - a.score));
  return results.slice(0, beamWidth);
}

export const alternative = { style: 'token-major', fns: ['beamSearch'] };
