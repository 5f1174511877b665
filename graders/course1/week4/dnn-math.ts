/**
 * Plain-JavaScript forward pass of an L-layer network ([LINEAR → RELU] × (L − 1)
 * → LINEAR → SIGMOID), shared by the week 4 graders: the properties check the
 * learner's outputs against it, the gradient checks use it to keep their points
 * away from ReLU kinks, and the training checks measure accuracy with it.
 */
import * as fc from 'fast-check';
import { flattenImages, loadCatDataset } from '../../../lib/datasets/images';
import { tensor } from '../../engine/arbitraries';
import { kinkFree } from '../../engine/kinks';
import { nd, type NdArray } from '../../engine/ndarray';
import { affine, layerCount, relu, sigmoid, type Net } from '../../shared/nn-math';

export { kinkFree } from '../../engine/kinks';
export { affine, layerCount, randomNet, relu, sigmoid, type Net } from '../../shared/nn-math';

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



/** Draws points from successive seeds until one is kink-free (a fixed, reproducible search). */
export function kinkFreePoint<P extends Record<string, NdArray>>(
  draw: (seed: number) => P,
  preActivations: (p: Record<string, NdArray>) => NdArray[],
  eps: number,
  firstSeed: number,
): P {
  for (let seed = firstSeed; seed < firstSeed + 1000; seed++) {
    const p = draw(seed);
    if (kinkFree(p, preActivations, eps)) return p;
  }
  throw new Error(`no kink-free gradient-check point among seeds ${firstSeed}…${firstSeed + 999}`);
}

/** The share of columns where (AL > 0.5) equals the label. */
export function accuracy(AL: NdArray, Y: NdArray): number {
  return AL.data.filter((a, i) => (a > 0.5 ? 1 : 0) === Y.data[i]).length / AL.data.length;
}

/**
 * Tensor arbitraries for the properties. "grid" values are quarters in [−2, 2]:
 * they shrink to short, readable counterexamples (0.25, not 1.0011e-6) and are
 * exact in float32. "real" values are doubles in [−1, 1], for properties where an
 * exact zero pre-activation would make ReLU's derivative a matter of convention.
 */
export type ValueKind = 'grid' | 'real';

export function values(shape: number[], kind: ValueKind): fc.Arbitrary<NdArray> {
  if (kind === 'real') return tensor(shape, { min: -1, max: 1 });
  const size = shape.reduce((a, b) => a * b, 1);
  return fc.array(fc.integer({ min: -8, max: 8 }), { minLength: size, maxLength: size }).map((v) => nd(v.map((k) => k / 4), shape));
}

/**
 * The synthetic cat / non-cat training images, preprocessed as in the course:
 * each image unrolled into a column (`reshape(m, -1).T`) and divided by 255.
 */
export function catImages(mTrain: number, size: number): { X: NdArray; Y: NdArray } {
  const d = loadCatDataset({ mTrain, mTest: 1, size });
  const X = flattenImages(d.trainX, d.trainShape);
  return { X: nd(X.data, X.shape), Y: nd(d.trainY, [1, mTrain]) };
}
