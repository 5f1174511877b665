/**
 * Correct alternative, course style: vectors read with arraySync(), dot
 * products, norms and projections in plain JavaScript loops (float64).
 */
import * as tf from '@tensorflow/tfjs';

export type WordToVecMap = Record<string, tf.Tensor1D>;

const vec = (t: tf.Tensor1D): number[] => t.arraySync();
function dotp(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
const len = (a: number[]) => Math.sqrt(dotp(a, a));
function cos(u: number[], v: number[]): number {
  const nu = len(u), nv = len(v);
  if (nu === 0 || nv === 0) return 0;
  return dotp(u, v) / (nu * nv);
}
/** (e·g / g·g) g */
function proj(e: number[], g: number[]): number[] {
  const k = dotp(e, g) / dotp(g, g);
  return g.map((gi) => k * gi);
}

export function cosineSimilarity(u: tf.Tensor1D, v: tf.Tensor1D): number {
  return cos(vec(u), vec(v));
}

export function completeAnalogy(wordA: string, wordB: string, wordC: string, wordToVecMap: WordToVecMap): string | null {
  const a = vec(wordToVecMap[wordA]!), b = vec(wordToVecMap[wordB]!), c = vec(wordToVecMap[wordC]!);
  const rel = b.map((x, i) => x - a[i]!);
  let best: string | null = null;
  let bestSim = -Infinity;
  for (const [w, e] of Object.entries(wordToVecMap)) {
    if (w === wordA || w === wordB || w === wordC) continue;
    const ev = vec(e);
    const s = cos(rel, ev.map((x, i) => x - c[i]!));
    if (s > bestSim) {
      bestSim = s;
      best = w;
    }
  }
  return best;
}

export function neutralize(word: string, g: tf.Tensor1D, wordToVecMap: WordToVecMap): tf.Tensor1D {
  const e = vec(wordToVecMap[word]!);
  const p = proj(e, vec(g));
  return tf.tensor1d(e.map((x, i) => x - p[i]!));
}

export function equalize(pair: [string, string], biasAxis: tf.Tensor1D, wordToVecMap: WordToVecMap): [tf.Tensor1D, tf.Tensor1D] {
  const g = vec(biasAxis);
  const e1 = vec(wordToVecMap[pair[0]]!), e2 = vec(wordToVecMap[pair[1]]!);
  const mu = e1.map((x, i) => (x + e2[i]!) / 2);
  const muB = proj(mu, g);
  const muOrth = mu.map((x, i) => x - muB[i]!);
  const s = Math.sqrt(Math.abs(1 - dotp(muOrth, muOrth)));
  const fix = (e: number[]) => {
    const eB = proj(e, g);
    const d = len(e.map((x, i) => x - muOrth[i]! - muB[i]!));
    return tf.tensor1d(eB.map((x, i) => (s * (x - muB[i]!)) / d + muOrth[i]!));
  };
  return [fix(e1), fix(e2)];
}

export const alternative = { style: 'loops', fns: ['cosineSimilarity', 'completeAnalogy', 'neutralize', 'equalize'] };
