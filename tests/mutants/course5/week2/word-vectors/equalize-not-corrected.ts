import * as tf from '@tensorflow/tfjs';
import type { WordToVecMap } from '../../../../../solutions/course5/week2/word-vectors';
export * from '../../../../../solutions/course5/week2/word-vectors';

export const mutant = { fn: 'equalize', hint: 'The bias parts are not rescaled: corrected e_w1B = √|1 − ||mu_orth||₂²| · (e_w1B − mu_B) / ||(e_w1 − mu_orth) − mu_B||₂, and likewise for e_w2B.' };

const projection = (e: tf.Tensor1D, g: tf.Tensor1D) => tf.mul(tf.div(tf.dot(e, g), tf.sum(tf.square(g))), g) as tf.Tensor1D;

export function equalize(pair: [string, string], biasAxis: tf.Tensor1D, wordToVecMap: WordToVecMap): [tf.Tensor1D, tf.Tensor1D] {
  const eW1 = wordToVecMap[pair[0]]!;
  const eW2 = wordToVecMap[pair[1]]!;
  const mu = tf.div(tf.add(eW1, eW2), 2) as tf.Tensor1D;
  const muB = projection(mu, biasAxis);
  const muOrth = tf.sub(mu, muB);
  const eW1B = projection(eW1, biasAxis);
  const eW2B = projection(eW2, biasAxis);
  const scale = Math.sqrt(Math.abs(1 - tf.sum(tf.square(muOrth)).dataSync()[0]!));
  const corrected = (e: tf.Tensor1D, eB: tf.Tensor1D) => tf.sub(eB, muB);
  const correctedW1B = corrected(eW1, eW1B);
  const correctedW2B = corrected(eW2, eW2B);
  return [tf.add(correctedW1B, muOrth) as tf.Tensor1D, tf.add(correctedW2B, muOrth) as tf.Tensor1D];
}
