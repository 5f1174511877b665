/**
 * Inputs for fully connected networks: parameter records and random ones.
 * Nothing here computes an answer; the math (affine, relu, sigmoid) is in
 * nn.oracle.ts, which the learner edition does not ship.
 */
import type { NdArray } from '../engine/ndarray';
import type { Seeded } from '../engine/seeded';

/** Parameters keyed as in the course: W1, b1, …, WL, bL. */
export type Net = Record<string, NdArray>;

/** The number of layers of a parameter record (W1, b1, …, WL, bL). */
export function layerCount(params: Net): number {
  let L = 0;
  while (params[`W${L + 1}`]) L++;
  return L;
}

/** Random parameters for a network of the given layer sizes: weights and biases ~ N(0, scale²). */
export function randomNet(s: Seeded, layerDims: number[], scale = 1): Net {
  const p: Net = {};
  for (let l = 1; l < layerDims.length; l++) {
    p[`W${l}`] = s.randn([layerDims[l]!, layerDims[l - 1]!], scale);
    p[`b${l}`] = s.randn([layerDims[l]!, 1], scale);
  }
  return p;
}
