/** tf.buffer-based: each matrix filled entry by entry through a TensorBuffer, inside tf.tidy. */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';

export type Parameters = Record<string, tf.Tensor2D>;

function fromDraws(rows: number, cols: number, scale: number): tf.Tensor2D {
  const draws = np.random.randn(rows, cols);
  const buf = tf.buffer([rows, cols], 'float32');
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) buf.set(draws[r * cols + c]! * scale, r, c);
  return buf.toTensor() as tf.Tensor2D;
}

function layered(layersDims: number[], scaleOf: ((nPrev: number) => number) | null): Parameters {
  if (scaleOf) np.random.seed(3);
  return tf.tidy(() => {
    const p: Parameters = {};
    for (let l = 1; l < layersDims.length; l++) {
      const rows = layersDims[l]!;
      const cols = layersDims[l - 1]!;
      p[`W${l}`] = scaleOf ? fromDraws(rows, cols, scaleOf(cols)) : (tf.buffer([rows, cols], 'float32').toTensor() as tf.Tensor2D);
      p[`b${l}`] = tf.buffer([rows, 1], 'float32').toTensor() as tf.Tensor2D;
    }
    return p;
  });
}

export function initializeParametersZeros(layersDims: number[]): Parameters {
  return layered(layersDims, null);
}

export function initializeParametersRandom(layersDims: number[]): Parameters {
  return layered(layersDims, () => 10);
}

export function initializeParametersHe(layersDims: number[]): Parameters {
  return layered(layersDims, (fanIn) => Math.sqrt(2) / Math.sqrt(fanIn));
}

export function initializeParametersXavier(layersDims: number[]): Parameters {
  return layered(layersDims, (fanIn) => Math.sqrt(1 / fanIn));
}

export const alternative = {
  style: 'builtin',
  fns: ['initializeParametersZeros', 'initializeParametersRandom', 'initializeParametersHe', 'initializeParametersXavier'],
};
