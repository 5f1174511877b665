/**
 * Inputs for the week 4 graders: tensor arbitraries, the cat images, and the
 * gradient-check points. Nothing here computes an answer; the forward pass
 * the checks compare with is in dnn.oracle.ts (grader edition only).
 */
import * as fc from 'fast-check';
import { flattenImages, loadCatDataset } from '../../../lib/datasets/images';
import { tensor } from '../../engine/arbitraries';
import { nd, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { randomNet } from '../../shared/nn-inputs';

export { layerCount, randomNet, type Net } from '../../shared/nn-inputs';

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

/** The step of the gradient checks' central differences (the engine's default). */
export const GRAD_EPS = 1e-2;

/** A single layer's gradient-check point: A_prev [4, 5], W [3, 4], b [3, 1]. */
export function activationPointAt(seed: number): { APrev: NdArray; W: NdArray; b: NdArray } {
  const s = new Seeded(seed);
  return { APrev: s.randn([4, 5]), W: s.randn([3, 4]), b: s.randn([3, 1], 0.5) };
}

/** A three-layer network's gradient-check point: parameters for layers [3, 4, 3, 1] and X [3, 4]. */
export function modelPointAt(seed: number): Record<string, NdArray> {
  const s = new Seeded(seed);
  return { ...randomNet(s, [3, 4, 3, 1]), X: s.randn([3, 4]) };
}

/**
 * The seeds of the gradient-check points: the first seeds (from 42 and from 45)
 * whose points are kink-free for steps of GRAD_EPS. They are pinned because
 * finding them takes the forward pass, which the learner edition does not have;
 * dnn.oracle.ts `gradientPointSeeds()` searches for them again.
 */
export const GRADIENT_POINT_SEEDS = { activation: 42, model: 45 } as const;
