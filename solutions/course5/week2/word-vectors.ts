/**
 * Course 5, week 2 — Operations on word vectors and debiasing.
 * Reference solution.
 *
 * A word vector is a 1-D tensor [n]; `wordToVecMap` maps each word to its
 * vector (the course's word_to_vec_map). The course's GloVe vectors are
 * replaced by lib/datasets/word-vectors.ts (readWordVectors).
 */
import * as tf from '@tensorflow/tfjs';

/** word → its vector, a 1-D tensor [n]. */
export type WordToVecMap = Record<string, tf.Tensor1D>;

/** The projection of e on the axis g: (e·g / ||g||²)·g. */
function projection(e: tf.Tensor1D, g: tf.Tensor1D): tf.Tensor1D {
  return tf.mul(tf.div(tf.dot(e, g), tf.sum(tf.square(g))), g) as tf.Tensor1D;
}

/**
 * The cosine of the angle between u and v: u·v / (||u||₂·||v||₂), a number in
 * [−1, 1]. 0 when either vector is zero (it has no direction).
 */
export function cosineSimilarity(u: tf.Tensor1D, v: tf.Tensor1D): number {
  const dot = tf.dot(u, v).dataSync()[0]!;
  const normU = tf.norm(u).dataSync()[0]!;
  const normV = tf.norm(v).dataSync()[0]!;
  if (normU * normV === 0) return 0;
  return dot / (normU * normV);
}

/**
 * "a is to b as c is to ?": the word w, other than a, b and c, whose difference
 * e_w − e_c is most similar (cosine) to e_b − e_a.
 */
export function completeAnalogy(wordA: string, wordB: string, wordC: string, wordToVecMap: WordToVecMap): string | null {
  const eA = wordToVecMap[wordA]!;
  const eB = wordToVecMap[wordB]!;
  const eC = wordToVecMap[wordC]!;
  const relation = tf.sub(eB, eA) as tf.Tensor1D;
  let maxCosineSim = -100;
  let bestWord: string | null = null;
  for (const w of Object.keys(wordToVecMap)) {
    if (w === wordA || w === wordB || w === wordC) continue;
    const sim = cosineSimilarity(relation, tf.sub(wordToVecMap[w]!, eC) as tf.Tensor1D);
    if (sim > maxCosineSim) {
      maxCosineSim = sim;
      bestWord = w;
    }
  }
  return bestWord;
}

/**
 * The word's vector without its component along the bias axis g:
 * e − (e·g / ||g||₂²)·g.
 */
export function neutralize(word: string, g: tf.Tensor1D, wordToVecMap: WordToVecMap): tf.Tensor1D {
  const e = wordToVecMap[word]!;
  return tf.sub(e, projection(e, g)) as tf.Tensor1D;
}

/**
 * The course's equalization of a pair (e.g. ["actor", "actress"]) about the
 * bias axis: both words get the same part orthogonal to the axis (the pair's
 * mean's) and opposite, rescaled parts along it. Returns [e1, e2].
 */
export function equalize(pair: [string, string], biasAxis: tf.Tensor1D, wordToVecMap: WordToVecMap): [tf.Tensor1D, tf.Tensor1D] {
  const [w1, w2] = pair;
  const eW1 = wordToVecMap[w1]!;
  const eW2 = wordToVecMap[w2]!;
  const mu = tf.div(tf.add(eW1, eW2), 2) as tf.Tensor1D;
  const muB = projection(mu, biasAxis);
  const muOrth = tf.sub(mu, muB);
  const eW1B = projection(eW1, biasAxis);
  const eW2B = projection(eW2, biasAxis);
  const scale = Math.sqrt(Math.abs(1 - tf.sum(tf.square(muOrth)).dataSync()[0]!));
  const corrected = (e: tf.Tensor1D, eB: tf.Tensor1D) => tf.div(tf.mul(scale, tf.sub(eB, muB)), tf.norm(tf.sub(tf.sub(e, muOrth), muB)));
  const e1 = tf.add(corrected(eW1, eW1B), muOrth) as tf.Tensor1D;
  const e2 = tf.add(corrected(eW2, eW2B), muOrth) as tf.Tensor1D;
  return [e1, e2];
}
