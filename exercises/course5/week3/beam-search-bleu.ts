/**
 * Sequence models, week 3 — Beam search and BLEU.
 * Read beam-search-bleu.md first. Grade your work with: npm run grade -- course5/week3/beam-search-bleu
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 *
 * Beam search decodes from a tiny decoder RNN given as data (lib/beam-search-decoder.ts):
 * nextLogProbs(decoder, prefix) returns log P(next token = v | prefix) for every
 * token v, as a plain array; token 0 is EOS, the end of the sentence.
 * BLEU (Papineni et al. 2002) scores a candidate sentence (a list of words)
 * against one or more reference sentences.
 */
import { notImplemented } from '../../../lib/not-implemented';
import { EOS, nextLogProbs, vocabSize, type Decoder } from '../../../lib/beam-search-decoder';

export type { Decoder };

/** One decoded sentence: its tokens (ending with EOS when finished), Σ log P, and the normalized score. */
export interface Hypothesis {
  tokens: number[];
  logProb: number;
  score: number;
}

/**
 * Beam search. Start from one empty hypothesis (logProb 0). At each of at most
 * maxLen steps: extend every hypothesis of the beam by every token v (its
 * logProb plus nextLogProbs(decoder, tokens)[v]); keep the beamWidth candidates
 * of highest logProb; a kept candidate ending with EOS is finished and leaves
 * the beam. Stop after maxLen steps or when the beam is empty.
 *
 * Results: the finished hypotheses and those still in the beam, each with
 * score = logProb / Ty^α (Ty = its number of tokens, EOS included), sorted by
 * score, best first; return the best beamWidth.
 * Exact ties (pruning and ranking): the lexicographically smaller token list first.
 */
export function beamSearch(decoder: Decoder, beamWidth: number, maxLen: number, alpha = 0.7): Hypothesis[] {
  return notImplemented('beamSearch');
}

/**
 * Modified n-gram precision p_n: for each distinct n-gram of the candidate,
 * its count clipped to the largest number of times it appears in any ONE
 * reference; the sum of these, over the number of n-grams of the candidate.
 * 0 when the candidate has no n-gram (fewer than n words).
 */
export function modifiedPrecision(references: string[][], candidate: string[], n: number): number {
  return notImplemented('modifiedPrecision');
}

/**
 * Brevity penalty: c = the candidate's length, r = the length of the reference
 * closest to c (on a tie, the shorter). BP = 1 when c > r, else exp(1 − r/c);
 * 0 for an empty candidate.
 */
export function brevityPenalty(references: string[][], candidate: string[]): number {
  return notImplemented('brevityPenalty');
}

/** BLEU = BP · exp((1/N) Σ_{n=1..N} log p_n), N = maxN; 0 when any p_n is 0. */
export function bleu(references: string[][], candidate: string[], maxN = 4): number {
  return notImplemented('bleu');
}
