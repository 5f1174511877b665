import { EOS, nextLogProbs, vocabSize, type Decoder } from '../../../../../lib/beam-search-decoder';
import type { Hypothesis } from '../../../../../solutions/course5/week3/beam-search-bleu';
export * from '../../../../../solutions/course5/week3/beam-search-bleu';

export const mutant = { fn: 'beamSearch', hint: 'The results are sorted worst first: sort by normalized score, highest first (scores are negative, so the best is the one closest to 0).' };

function before(a: { tokens: number[] }, b: { tokens: number[] }, ka: number, kb: number): number {
  if (ka !== kb) return kb - ka;
  for (let i = 0; i < Math.min(a.tokens.length, b.tokens.length); i++) {
    if (a.tokens[i] !== b.tokens[i]) return a.tokens[i]! - b.tokens[i]!;
  }
  return a.tokens.length - b.tokens.length;
}

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
  const all = [...finished, ...beam].map((h) => ({ ...h, score: h.logProb / h.tokens.length ** alpha }));
  all.sort((a, b) => before(a, b, a.score, b.score)).reverse();
  return all.slice(0, beamWidth);
}
