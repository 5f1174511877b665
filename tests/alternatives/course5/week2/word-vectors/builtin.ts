/**
 * Correct alternative with TensorFlow.js built-ins: the cosine through
 * tf.losses.cosineDistance of the normalised vectors (1 − distance); the analogy
 * with one tf.matMul against all candidates and tf.argMax; projections with
 * tf.dot; everything inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';

export type WordToVecMap = Record<string, tf.Tensor1D>;

const project = (e: tf.Tensor1D, g: tf.Tensor1D) => tf.mul(g, tf.div(tf.dot(e, g), tf.dot(g, g))) as tf.Tensor1D;

export function cosineSimilarity(u: tf.Tensor1D, v: tf.Tensor1D): number {
  return tf.tidy(() => {
    const [nu, nv] = [tf.norm(u), tf.norm(v)];
    if (nu.dataSync()[0] === 0 || nv.dataSync()[0] === 0) return 0;
    const distance = tf.losses.cosineDistance(tf.div(u, nu), tf.div(v, nv), 0, undefined, tf.Reduction.NONE);
    return 1 - distance.dataSync()[0]!;
  });
}

export function completeAnalogy(wordA: string, wordB: string, wordC: string, wordToVecMap: WordToVecMap): string | null {
  const candidates = Object.keys(wordToVecMap).filter((w) => w !== wordA && w !== wordB && w !== wordC);
  if (candidates.length === 0) return null;
  const best = tf.tidy(() => {
    const relation = tf.sub(wordToVecMap[wordB]!, wordToVecMap[wordA]!);
    const relationUnit = tf.div(relation, tf.maximum(tf.norm(relation), 1e-30));
    const diffs = tf.sub(tf.stack(candidates.map((w) => wordToVecMap[w]!)), wordToVecMap[wordC]!);
    const units = tf.divNoNan(diffs, tf.norm(diffs, 2, 1, true));
    const cosines = tf.matMul(units, tf.expandDims(relationUnit, 1)).squeeze([1]);
    return tf.argMax(cosines).dataSync()[0]!;
  });
  return candidates[best]!;
}

export function neutralize(word: string, g: tf.Tensor1D, wordToVecMap: WordToVecMap): tf.Tensor1D {
  return tf.tidy(() => {
    const e = wordToVecMap[word]!;
    return tf.sub(e, project(e, g)) as tf.Tensor1D;
  });
}

export function equalize(pair: [string, string], biasAxis: tf.Tensor1D, wordToVecMap: WordToVecMap): [tf.Tensor1D, tf.Tensor1D] {
  return tf.tidy(() => {
    const [e1, e2] = pair.map((w) => wordToVecMap[w]!) as [tf.Tensor1D, tf.Tensor1D];
    const mu = tf.mean(tf.stack([e1, e2]), 0) as tf.Tensor1D;
    const muB = project(mu, biasAxis);
    const muOrth = tf.sub(mu, muB);
    const factor = tf.sqrt(tf.abs(tf.sub(1, tf.dot(muOrth, muOrth))));
    const fix = (e: tf.Tensor1D) => tf.add(tf.div(tf.mul(factor, tf.sub(project(e, biasAxis), muB)), tf.norm(tf.sub(tf.sub(e, muOrth), muB))), muOrth) as tf.Tensor1D;
    return [fix(e1), fix(e2)];
  });
}

export const alternative = { style: 'builtin', fns: ['cosineSimilarity', 'completeAnalogy', 'neutralize', 'equalize'] };
