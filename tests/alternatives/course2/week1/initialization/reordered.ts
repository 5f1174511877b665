/** Vectorised, but with other formulas: zerosLike/fill, divide by √(n/2), scalar tensors, a map over layers. */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';

export type Parameters = Record<string, tf.Tensor2D>;

export function initializeParametersZeros(layersDims: number[]): Parameters {
  const entries = layersDims.slice(1).flatMap((units, i) => {
    const fanIn = layersDims[i]!;
    return [
      [`W${i + 1}`, tf.fill([units, fanIn], 0)],
      [`b${i + 1}`, tf.zerosLike(tf.ones([units, 1]))],
    ] as const;
  });
  return Object.fromEntries(entries) as Parameters;
}

export function initializeParametersRandom(layersDims: number[]): Parameters {
  np.random.seed(3);
  const params: Parameters = {};
  layersDims.slice(1).forEach((units, i) => {
    const fanIn = layersDims[i]!;
    const draws = tf.tensor1d(np.random.randn(units, fanIn));
    params[`W${i + 1}`] = tf.scalar(10).mul(draws).reshape([units, fanIn]) as tf.Tensor2D;
    params[`b${i + 1}`] = tf.fill([units, 1], 0) as tf.Tensor2D;
  });
  return params;
}

export function initializeParametersHe(layersDims: number[]): Parameters {
  np.random.seed(3);
  const params: Parameters = {};
  layersDims.slice(1).forEach((units, i) => {
    const fanIn = layersDims[i]!;
    const draws = tf.tensor2d(np.random.randn(units, fanIn), [units, fanIn]);
    params[`W${i + 1}`] = draws.div(tf.sqrt(tf.scalar(fanIn / 2))) as tf.Tensor2D;
    params[`b${i + 1}`] = tf.zeros([units, 1]) as tf.Tensor2D;
  });
  return params;
}

export function initializeParametersXavier(layersDims: number[]): Parameters {
  np.random.seed(3);
  const params: Parameters = {};
  layersDims.slice(1).forEach((units, i) => {
    const fanIn = layersDims[i]!;
    const draws = tf.tensor2d(np.random.randn(units, fanIn), [units, fanIn]);
    params[`W${i + 1}`] = draws.mul(tf.rsqrt(tf.scalar(fanIn))) as tf.Tensor2D;
    params[`b${i + 1}`] = tf.zeros([units, 1]) as tf.Tensor2D;
  });
  return params;
}

export const alternative = {
  style: 'reordered',
  fns: ['initializeParametersZeros', 'initializeParametersRandom', 'initializeParametersHe', 'initializeParametersXavier'],
};
