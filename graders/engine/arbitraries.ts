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

/** A size's range: `max` (from 1, as dim's default) or `[min, max]`. */
export type DimRange = number | readonly [min: number, max: number];

/**
 * Weights of the two ways dims() draws: most runs take pairwise distinct sizes, one in
 * five takes them independently (equal sizes allowed). Square cases stay covered — code
 * that guesses an axis by comparing sizes only goes wrong there. A counterexample found in
 * that share usually still ends distinct: the distinct draw comes first, with cross-shrink,
 * so shrinking first tries one fresh distinct-size input and, if that fails too, goes on from
 * it (if it passes, shrinking stays in the free share). A mistake that shows only on equal
 * sizes keeps its equal sizes.
 */
const DISTINCT_WEIGHT = 4;
const FREE_WEIGHT = 1;

/**
 * Named sizes that differ from one another, e.g. `dims({ nX: 4, nH: 5, m: [2, 6] })`.
 * fast-check shrinks every size towards its minimum, so with independent dim()s a
 * counterexample ends as nX = nH = m = 1, where a transpose is invisible and "2× — that
 * is m" could be any size: the learner learns little and the diagnoses stay silent.
 */
export function dims<K extends string>(ranges: Record<K, DimRange>): fc.Arbitrary<Record<K, number>> {
  const bounds = Object.fromEntries(
    Object.entries<DimRange>(ranges).map(([name, r]) => [name, typeof r === 'number' ? ([1, r] as const) : r]),
  ) as Record<K, readonly [number, number]>;
  assertDistinctPossible(bounds);
  const free = fc.record(
    Object.fromEntries(Object.entries<readonly [number, number]>(bounds).map(([name, [min, max]]) => [name, dim(max, min)])),
  ) as fc.Arbitrary<Record<K, number>>;
  return distinctSizes(free, (sizes) => Object.values(sizes));
}

/**
 * dims() for inputs whose sizes are not a fixed set of names, e.g. a list of layer sizes and m:
 * `distinctSizes(fc.record({ sizes: fc.array(dim(4), …), m: dim(5) }), ({ sizes, m }) => [...sizes, m])`.
 * Mostly draws (and shrinks to) inputs whose listed sizes are pairwise distinct; the filter
 * also applies while shrinking. The caller makes sure distinct sizes are possible and not rare.
 */
export function distinctSizes<T>(arb: fc.Arbitrary<T>, sizesOf: (value: T) => number[]): fc.Arbitrary<T> {
  const distinct = arb.filter((value) => {
    const sizes = sizesOf(value);
    return new Set(sizes).size === sizes.length;
  });
  return fc.oneof({ withCrossShrink: true }, { arbitrary: distinct, weight: DISTINCT_WEIGHT }, { arbitrary: arb, weight: FREE_WEIGHT });
}

/**
 * Throws unless the ranges admit pairwise distinct sizes (else the filter would never pass).
 * Giving each range, in order of its upper bound, the least value still free is optimal for intervals.
 */
function assertDistinctPossible(bounds: Record<string, readonly [number, number]>): void {
  const taken = new Set<number>();
  const byMax = Object.entries(bounds).sort(([, a], [, b]) => a[1] - b[1]);
  for (const [name, [min, max]] of byMax) {
    if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) throw new Error(`dims: ${name} has the empty or non-integer range [${min}, ${max}].`);
    let v = min;
    while (taken.has(v)) v++;
    if (v > max) {
      const all = Object.entries(bounds).map(([n, [lo, hi]]) => `${n} in [${lo}, ${hi}]`).join(', ');
      throw new Error(`dims: ${all} cannot all differ; widen a range or draw equal sizes as one size.`);
    }
    taken.add(v);
  }
}
