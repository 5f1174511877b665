import * as fc from 'fast-check';
import { nd, type NdArray } from './ndarray';

/** fast-check building blocks for tensors. Values shrink towards 0, shapes towards the smallest allowed. */

export interface ValueRange {
  min?: number;
  max?: number;
  /**
   * Draw only multiples of `step` (e.g. 0.25): counterexamples read as 0.75, not 0.7499999,
   * and shrinking stops at values a learner can check by hand.
   */
  step?: number;
  /**
   * Turn off fast-check's bias towards 0, tiny values and the bounds. The bias finds edge
   * cases; but for network inputs it puts many ReLU pre-activations on the kink, where a
   * missing derivative goes unseen — there, draw unbiased values (or seeded ones).
   */
  unbiased?: boolean;
}

export function values(count: number, { min = -2, max = 2, step, unbiased = false }: ValueRange = {}): fc.Arbitrary<number[]> {
  // Unbiased doubles are not uniform (most representable doubles are tiny): draw a uniform grid instead.
  const GRID = 1_000_000;
  const one = step
    ? (unbiased ? fc.noBias : <T>(a: fc.Arbitrary<T>) => a)(fc.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) })).map((k) => k * step)
    : unbiased
      ? fc.noBias(fc.integer({ min: 0, max: GRID })).map((k) => min + ((max - min) * k) / GRID)
      : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.array(one, { minLength: count, maxLength: count });
}

/** A float32 tensor of a fixed shape. */
export function tensor(shape: number[], range: ValueRange = {}): fc.Arbitrary<NdArray> {
  const size = shape.reduce((a, b) => a * b, 1);
  return values(size, range).map((v) => nd(v, shape));
}

/** A [1, m] tensor of 0/1 labels. */
export function labels(m: number): fc.Arbitrary<NdArray> {
  return fc.array(fc.integer({ min: 0, max: 1 }), { minLength: m, maxLength: m }).map((v) => nd(v, [1, m]));
}

/** A layer or example count. */
export function dim(max = 6, min = 1): fc.Arbitrary<number> {
  return fc.integer({ min, max });
}
