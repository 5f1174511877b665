/**
 * Sequence models, week 2 — Operations on word vectors and debiasing.
 * Read word-vectors.md first. Grade your work with: npm run grade -- course5/week2/word-vectors
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 *
 * A word vector is a 1-D tensor [n]; `wordToVecMap` maps each word to its
 * vector (the course's word_to_vec_map). To experiment, load the project's
 * 50-dimensional vectors (a stand-in for the course's GloVe file):
 *
 *   import { readWordVectors } from '../../../lib/datasets/word-vectors';
 *   const { words, wordToVecMap } = readWordVectors();
 *
 * Functions return numbers with `.dataSync()[0]` when a plain number is asked
 * for; tensors otherwise.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';

/** word → its vector, a 1-D tensor [n]. */
export type WordToVecMap = Record<string, tf.Tensor1D>;

/**
 * How similar two word vectors are: the cosine of the angle between them,
 *
 *   CosineSimilarity(u, v) = u·v / (||u||₂ · ||v||₂),
 *
 * a number in [−1, 1] (1: same direction, 0: orthogonal, −1: opposite).
 * ||u||₂ = √(Σ uᵢ²) is the L2 norm. Return 0 when either vector is zero.
 * u, v: [n] → a number.
 */
export function cosineSimilarity(u: tf.Tensor1D, v: tf.Tensor1D): number {
  return notImplemented('cosineSimilarity');
}

/**
 * Word analogy, "a is to b as c is to ____": the word w of wordToVecMap,
 * other than wordA, wordB and wordC, for which e_w − e_c is most similar
 * (largest cosine similarity) to e_b − e_a. Start from a very low best
 * similarity (the course uses −100) and best word null, and keep the best
 * as you loop over the words.
 */
export function completeAnalogy(wordA: string, wordB: string, wordC: string, wordToVecMap: WordToVecMap): string | null {
  return notImplemented('completeAnalogy');
}

/**
 * Removes the bias of `word` along the axis g (e.g. g = e_woman − e_man) by
 * projecting its vector e onto the space orthogonal to g:
 *
 *   e_biascomponent = (e·g / ||g||₂²) · g
 *   e_debiased      = e − e_biascomponent
 *
 * g: [n], not necessarily of norm 1. Returns e_debiased, [n].
 */
export function neutralize(word: string, g: tf.Tensor1D, wordToVecMap: WordToVecMap): tf.Tensor1D {
  return notImplemented('neutralize');
}

/**
 * Equalizes a pair of words that should differ only along the bias axis
 * (e.g. ["actor", "actress"]), as the course does:
 *
 *   mu = (e_w1 + e_w2) / 2
 *   mu_B = (mu·bias_axis / ||bias_axis||₂²) · bias_axis,   mu_orth = mu − mu_B
 *   e_w1B = (e_w1·bias_axis / ||bias_axis||₂²) · bias_axis  (and e_w2B likewise)
 *   corrected_e_w1B = √|1 − ||mu_orth||₂²| · (e_w1B − mu_B) / ||(e_w1 − mu_orth) − mu_B||₂
 *   corrected_e_w2B = √|1 − ||mu_orth||₂²| · (e_w2B − mu_B) / ||(e_w2 − mu_orth) − mu_B||₂
 *   e1 = corrected_e_w1B + mu_orth,   e2 = corrected_e_w2B + mu_orth
 *
 * Returns [e1, e2], each [n].
 */
export function equalize(pair: [string, string], biasAxis: tf.Tensor1D, wordToVecMap: WordToVecMap): [tf.Tensor1D, tf.Tensor1D] {
  return notImplemented('equalize');
}
