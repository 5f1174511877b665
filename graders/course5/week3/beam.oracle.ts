/**
 * Beam search as the course defines it, in plain JavaScript, for the beam-search
 * grader's hidden property: an answer key (grader edition only, loaded lazily by
 * the hidden check). `refill` computes a common mistake instead — keeping
 * beamWidth *unfinished* hypotheses at every step, so that an ended one no
 * longer takes a place — for the check to name it when it sees its results;
 * `cut-by-logprob` another: the best beamWidth results chosen by the raw Σ log P,
 * and only those sorted by the normalized score.
 */
import { EOS, nextLogProbs, vocabSize, type Decoder } from '../../../lib/beam-search-decoder';

export interface OracleResults {
  /** The results' token lists, best first. */
  tokens: number[][];
  /**
   * False when a decision (which candidates are kept at a step, which results are returned, in which order) was
   * between values so close that a correct implementation summing in another order could decide it the other way.
   */
  clear: boolean;
}

interface Hyp {
  tokens: number[];
  logProb: number;
}

/** Higher first; on an exact tie, the lexicographically smaller token list first (the course's rule). */
function before(a: Hyp, b: Hyp, ka: number, kb: number): number {
  if (ka !== kb) return kb - ka;
  for (let i = 0; i < Math.min(a.tokens.length, b.tokens.length); i++) if (a.tokens[i] !== b.tokens[i]) return a.tokens[i]! - b.tokens[i]!;
  return a.tokens.length - b.tokens.length;
}

const ended = (h: Hyp) => h.tokens[h.tokens.length - 1] === EOS;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** A usual mistake the oracle can make instead (see above); `finish-pruned` counts every candidate ending with EOS as finished, pruned or kept. */
export type BeamMistake = 'refill' | 'cut-by-logprob' | 'finish-pruned';

export function beamOracle(decoder: Decoder, beamWidth: number, maxLen: number, alpha: number, mistake?: BeamMistake): OracleResults {
  const refill = mistake === 'refill';
  const cutByLogProb = mistake === 'cut-by-logprob';
  const V = vocabSize(decoder);
  let clear = true;
  let beam: Hyp[] = [{ tokens: [], logProb: 0 }];
  const finished: Hyp[] = [];
  for (let t = 0; t < maxLen && beam.length > 0; t++) {
    const candidates = beam.flatMap((h) => {
      const lp = nextLogProbs(decoder, h.tokens);
      return Array.from({ length: V }, (_, v) => ({ tokens: [...h.tokens, v], logProb: h.logProb + lp[v]! }));
    });
    candidates.sort((a, b) => before(a, b, a.logProb, b.logProb));
    const kept = candidates.slice(0, beamWidth);
    const pool = refill ? candidates.filter((h) => !ended(h)) : candidates;
    if (pool.length > beamWidth && close(pool[beamWidth - 1]!.logProb, pool[beamWidth]!.logProb)) clear = false;
    if (kept.length < candidates.length && close(kept[kept.length - 1]!.logProb, candidates[kept.length]!.logProb)) clear = false;
    finished.push(...(mistake === 'finish-pruned' ? candidates : kept).filter(ended));
    beam = (refill ? pool : kept).filter((h) => !ended(h)).slice(0, beamWidth);
  }
  let all = [...finished, ...beam].map((h) => ({ ...h, score: h.logProb / h.tokens.length ** alpha }));
  if (cutByLogProb) {
    all.sort((a, b) => before(a, b, a.logProb, b.logProb));
    for (let i = 1; i < Math.min(all.length, beamWidth + 1); i++) if (close(all[i - 1]!.logProb, all[i]!.logProb)) clear = false;
    all = all.slice(0, beamWidth);
  }
  all.sort((a, b) => before(a, b, a.score, b.score));
  const shown = Math.min(beamWidth, all.length);
  for (let i = 1; i < Math.min(all.length, beamWidth + 1); i++) if (close(all[i - 1]!.score, all[i]!.score)) clear = false;
  return { tokens: all.slice(0, shown).map((h) => h.tokens), clear };
}
