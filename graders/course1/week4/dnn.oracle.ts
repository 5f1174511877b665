/**
 * Plain-JavaScript forward pass of an L-layer network ([LINEAR → RELU] × (L − 1)
 * → LINEAR → SIGMOID), shared by the week 4 graders: the properties check the
 * learner's outputs against it and the training checks measure accuracy with
 * it. An answer key: grader edition only, loaded lazily by hidden checks.
 */
import { kinkFree } from '../../engine/kinks';
import type { NdArray } from '../../engine/ndarray';
import { affine, relu, sigmoid } from '../../shared/nn.oracle';
import { activationPointAt, GRAD_EPS, layerCount, modelPointAt, type Net } from './dnn-inputs';

export { affine, relu, sigmoid } from '../../shared/nn.oracle';

/** Every layer's [A_prev, Z] and the output AL, computed in float64. */
export function forwardPass(X: NdArray, params: Net): { layers: { APrev: NdArray; Z: NdArray }[]; AL: NdArray } {
  const L = layerCount(params);
  const layers: { APrev: NdArray; Z: NdArray }[] = [];
  let A = X;
  for (let l = 1; l <= L; l++) {
    const Z = affine(params[`W${l}`]!, A, params[`b${l}`]!);
    layers.push({ APrev: A, Z });
    A = l < L ? relu(Z) : sigmoid(Z);
  }
  return { layers, AL: A };
}

/** The share of columns where (AL > 0.5) equals the label. */
export function accuracy(AL: NdArray, Y: NdArray): number {
  return AL.data.filter((a, i) => (a > 0.5 ? 1 : 0) === Y.data[i]).length / AL.data.length;
}

/** The first seed from `firstSeed` whose point is kink-free (a fixed, reproducible search). */
export function firstKinkFreeSeed<P extends Record<string, NdArray>>(
  draw: (seed: number) => P,
  preActivations: (p: Record<string, NdArray>) => NdArray[],
  eps: number,
  firstSeed: number,
): number {
  for (let seed = firstSeed; seed < firstSeed + 1000; seed++) {
    if (kinkFree(draw(seed), preActivations, eps)) return seed;
  }
  throw new Error(`no kink-free gradient-check point among seeds ${firstSeed}…${firstSeed + 999}`);
}

/** The searches behind dnn-inputs.ts GRADIENT_POINT_SEEDS: they must agree with it. */
export function gradientPointSeeds(): { activation: number; model: number } {
  return {
    activation: firstKinkFreeSeed(activationPointAt, (p) => [affine(p.W!, p.APrev!, p.b!)], GRAD_EPS, 42),
    model: firstKinkFreeSeed(modelPointAt, (q) => forwardPass(q.X!, q).layers.slice(0, -1).map((l) => l.Z), GRAD_EPS, 45),
  };
}
