/** TensorFlow.js for the maths: tf.pow on the exponents (float32), tf.topk for the k best. */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';

export function sampleLogUniform(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  const r = tf.tensor1d(np.random.uniform(Math.log10(low), Math.log10(high), n), 'float32');
  const values = tf.pow(tf.scalar(10), r);
  const out = Array.from(values.dataSync());
  tf.dispose([r, values]);
  return out;
}

export function sampleBeta(low: number, high: number, n: number, seed = 1): number[] {
  np.random.seed(seed);
  return tf.tidy(() => {
    const r = tf.tensor1d(np.random.uniform(Math.log10(1 - high), Math.log10(1 - low), n));
    return Array.from(tf.sub(1, tf.pow(10, r)).dataSync());
  });
}

export function zoomIn(values: number[], scores: number[], k: number): [number, number] {
  return tf.tidy(() => {
    const { indices } = tf.topk(tf.tensor1d(scores), k);
    // The chosen values come from the (float64) input by index.
    const chosen = Array.from(indices.dataSync()).map((i) => values[i]!);
    return [Math.min(...chosen), Math.max(...chosen)] as [number, number];
  });
}

export const alternative = { style: 'builtin', fns: ['sampleLogUniform', 'sampleBeta', 'zoomIn'] };
