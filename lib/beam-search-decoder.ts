/**
 * The next-token scorer for course 5, week 3's beam search: a tiny decoder RNN
 * whose parameters are plain data (tensors), so the grader can hand it to your
 * code, and `nextLogProbs` that runs it over a prefix.
 *
 * Vocabulary: token 0 is the end of sentence, EOS; tokens 1 … V − 1 are words.
 * From a⟨0⟩ = 0 and x⟨1⟩ = 0 (no previous token), for each token of the prefix:
 *   a⟨t⟩ = tanh(Wax·x⟨t⟩ + Waa·a⟨t−1⟩ + ba),  x⟨t+1⟩ = one-hot(prefix[t − 1]),
 * and the next token's log-probabilities are log softmax(Wya·a + by).
 *
 * The arithmetic is plain JavaScript in double precision, so the same prefix
 * always gives exactly the same numbers (ties are exact ties).
 */
import type * as tf from '@tensorflow/tfjs';

/** The end-of-sentence token. */
export const EOS = 0;

/** A matrix as a tensor, or as the grader's plain form ({ shape, data }). */
export type DecoderMatrix = tf.Tensor | { readonly shape: readonly number[]; readonly data: readonly number[] };

/** Wax [nA, V], Waa [nA, nA], Wya [V, nA], ba [nA, 1], by [V, 1]. */
export interface Decoder {
  Wax: DecoderMatrix;
  Waa: DecoderMatrix;
  Wya: DecoderMatrix;
  ba: DecoderMatrix;
  by: DecoderMatrix;
}

function valuesOf(m: DecoderMatrix): ArrayLike<number> {
  return 'dataSync' in m ? m.dataSync() : m.data;
}

/** The vocabulary size V of a decoder. */
export function vocabSize(decoder: Decoder): number {
  return decoder.by.shape[0]!;
}

/**
 * log P(next token = v | prefix) for v = 0 … V − 1, as a plain array.
 * `prefix` holds the tokens generated so far (no start token): [] for the first word.
 */
export function nextLogProbs(decoder: Decoder, prefix: readonly number[]): number[] {
  const V = vocabSize(decoder);
  const nA = decoder.Waa.shape[0]!;
  const [Wax, Waa, Wya, ba, by] = [decoder.Wax, decoder.Waa, decoder.Wya, decoder.ba, decoder.by].map(valuesOf) as ArrayLike<number>[];
  let a = new Array<number>(nA).fill(0);
  let x = -1; // the previous token; −1: none
  for (let t = 0; t <= prefix.length; t++) {
    const next = new Array<number>(nA);
    for (let i = 0; i < nA; i++) {
      let z = ba![i]!;
      if (x >= 0) z += Wax![i * V + x]!;
      for (let j = 0; j < nA; j++) z += Waa![i * nA + j]! * a[j]!;
      next[i] = Math.tanh(z);
    }
    a = next;
    if (t < prefix.length) {
      x = prefix[t]!;
      if (!Number.isInteger(x) || x < 0 || x >= V) throw new Error(`nextLogProbs: token ${x} is not in [0, ${V})`);
    }
  }
  const logits = Array.from({ length: V }, (_, v) => {
    let z = by![v]!;
    for (let i = 0; i < nA; i++) z += Wya![v * nA + i]! * a[i]!;
    return z;
  });
  const max = Math.max(...logits);
  const logSum = max + Math.log(logits.reduce((s, z) => s + Math.exp(z - max), 0));
  return logits.map((z) => z - logSum);
}
