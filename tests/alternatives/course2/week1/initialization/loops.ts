/** Course-style: plain JavaScript arrays, built with tf.tensor at the end. */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';

export type Parameters = Record<string, tf.Tensor2D>;

function zerosMatrix(rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) row.push(0);
    out.push(row);
  }
  return out;
}

function scaledRandn(rows: number, cols: number, scale: number): number[][] {
  const flat = np.random.randn(rows, cols);
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) row.push(flat[i * cols + j]! * scale);
    out.push(row);
  }
  return out;
}

function build(layersDims: number[], scaleOf: (nPrev: number) => number): Parameters {
  np.random.seed(3);
  const parameters: Parameters = {};
  const L = layersDims.length - 1;
  for (let l = 1; l <= L; l++) {
    const n = layersDims[l]!;
    const nPrev = layersDims[l - 1]!;
    parameters['W' + l] = tf.tensor(scaledRandn(n, nPrev, scaleOf(nPrev)), [n, nPrev], 'float32') as tf.Tensor2D;
    parameters['b' + l] = tf.tensor(zerosMatrix(n, 1), [n, 1], 'float32') as tf.Tensor2D;
  }
  return parameters;
}

export function initializeParametersZeros(layersDims: number[]): Parameters {
  const parameters: Parameters = {};
  const L = layersDims.length - 1;
  for (let l = 1; l <= L; l++) {
    parameters['W' + l] = tf.tensor(zerosMatrix(layersDims[l]!, layersDims[l - 1]!)) as tf.Tensor2D;
    parameters['b' + l] = tf.tensor(zerosMatrix(layersDims[l]!, 1)) as tf.Tensor2D;
  }
  return parameters;
}

export function initializeParametersRandom(layersDims: number[]): Parameters {
  return build(layersDims, () => 10);
}

export function initializeParametersHe(layersDims: number[]): Parameters {
  return build(layersDims, (nPrev) => Math.sqrt(2 / nPrev));
}

export function initializeParametersXavier(layersDims: number[]): Parameters {
  return build(layersDims, (nPrev) => 1 / Math.sqrt(nPrev));
}

export const alternative = {
  style: 'loops',
  fns: ['initializeParametersZeros', 'initializeParametersRandom', 'initializeParametersHe', 'initializeParametersXavier'],
};
