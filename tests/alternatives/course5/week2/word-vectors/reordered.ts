/**
 * Correct alternative, vectorised but rearranged: the cosine as the dot product
 * of the two unit vectors; the analogy scores every candidate at once (one
 * matrix of differences, normalised rows, a matrix–vector product, argMax);
 * projections on the unit axis ĝ = g/||g|| ((e·ĝ)ĝ instead of (e·g/||g||²)g).
 */
import * as tf from '@tensorflow/tfjs';

export type WordToVecMap = Record<string, tf.Tensor1D>;

const unit = (g: tf.Tensor1D) => tf.div(g, tf.norm(g)) as tf.Tensor1D;
const along = (e: tf.Tensor, gHat: tf.Tensor1D) => tf.mul(tf.sum(tf.mul(e, gHat)), gHat) as tf.Tensor1D;

export function cosineSimilarity(u: tf.Tensor1D, v: tf.Tensor1D): number {
  const nu = tf.norm(u).arraySync() as number;
  const nv = tf.norm(v).arraySync() as number;
  if (nu === 0 || nv === 0) return 0;
  return tf.sum(tf.mul(tf.div(u, nu), tf.div(v, nv))).arraySync() as number;
}

export function completeAnalogy(wordA: string, wordB: string, wordC: string, wordToVecMap: WordToVecMap): string | null {
  const skip = new Set([wordA, wordB, wordC]);
  const words = Object.keys(wordToVecMap).filter((w) => !skip.has(w));
  if (words.length === 0) return null;
  const relation = tf.sub(wordToVecMap[wordB]!, wordToVecMap[wordA]!);
  const diffs = tf.sub(tf.stack(words.map((w) => wordToVecMap[w]!)), wordToVecMap[wordC]!); // [n, d]
  const rowNorms = tf.norm(diffs, 'euclidean', 1, true);
  const relNorm = tf.norm(relation);
  // cos = (diff·rel) / (||diff||·||rel||); a zero difference has cosine 0.
  const raw = tf.div(tf.matMul(diffs, tf.reshape(relation, [-1, 1])), tf.mul(rowNorms, relNorm));
  const cosines = tf.where(tf.equal(tf.mul(rowNorms, relNorm), 0), tf.zerosLike(raw), raw).reshape([-1]);
  const values = cosines.arraySync() as number[];
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return words[best]!;
}

export function neutralize(word: string, g: tf.Tensor1D, wordToVecMap: WordToVecMap): tf.Tensor1D {
  const e = wordToVecMap[word]!;
  return tf.sub(e, along(e, unit(g))) as tf.Tensor1D;
}

export function equalize(pair: [string, string], biasAxis: tf.Tensor1D, wordToVecMap: WordToVecMap): [tf.Tensor1D, tf.Tensor1D] {
  const gHat = unit(biasAxis);
  const [a, b] = [wordToVecMap[pair[0]]!, wordToVecMap[pair[1]]!];
  const mean = tf.mean(tf.stack([a, b]), 0) as tf.Tensor1D;
  const meanB = along(mean, gHat);
  const meanOrth = tf.sub(mean, meanB);
  const k = Math.sqrt(Math.abs(1 - (tf.sum(tf.square(meanOrth)).arraySync() as number)));
  const one = (e: tf.Tensor1D) => {
    const offset = tf.sub(along(e, gHat), meanB); // e_B − mu_B
    const denom = tf.norm(tf.sub(e, mean)); // e − mu_orth − mu_B = e − mu
    return tf.add(meanOrth, tf.mul(tf.div(offset, denom), k)) as tf.Tensor1D;
  };
  return [one(a), one(b)];
}

export const alternative = { style: 'reordered', fns: ['cosineSimilarity', 'completeAnalogy', 'neutralize', 'equalize'] };
