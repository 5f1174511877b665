import { DEFAULT_TOLERANCE, type Tolerance } from './compare';
import { isNdArray } from './ndarray';
import { isRecord, type Value } from './values';

/**
 * The tolerance policy: every comparison a grader makes uses one of these
 * classes, never a literal. compareValues passes an element when
 * |actual − expected| ≤ rtol·|expected| + atol + (rtol/10)·max|expected|,
 * so each class is a relative tolerance with an absolute floor tied to the
 * output's scale. The rtol is float32's unit roundoff u = 2⁻²⁴ ≈ 6e-8 times
 * how much the computation can accumulate, with room for the different
 * (correct) orders of operations learners choose.
 *
 * Not part of the policy, on purpose: the engine's own near-equality tests
 * (SAME_MISTAKE in checks/reference.ts, the staleness test in fixtures.ts)
 * compare the reference with itself, so they are tighter than any class.
 */
export const TOLERANCE_CLASSES = {
  exact: {
    tolerance: { rtol: 1e-9, atol: 1e-12 },
    reason: 'float64 arithmetic on plain numbers (bookkeeping, selections): a few float64 ulps (1e-16), whatever the order of operations',
  },
  elementwise: {
    tolerance: { rtol: 1e-5, atol: 1e-7 },
    reason: 'a few float32 operations per value, no sums (pow, exp, scaling to pixels): a few u, amplified by pow and exp (1e-5 ≈ 170 u); the floor, an ulp of 1',
  },
  float32: {
    tolerance: DEFAULT_TOLERANCE,
    reason: 'a float32 forward computation: matrix products and reductions of up to thousands of terms, summed in any order (1e-3 ≈ 16,000 u)',
  },
  backward: {
    tolerance: { rtol: 2e-3, atol: DEFAULT_TOLERANCE.atol },
    reason: "a backward pass: the forward's rounding, carried through the chain rule's further products and sums: twice the forward's",
  },
  training: {
    tolerance: { rtol: 5e-3, atol: 1e-4 },
    reason: 'a training run: every update rounds and hundreds of them compound; parameters that start at zero carry the drift of the whole run (the floor)',
  },
  numericalGradient: {
    tolerance: { rtol: 0.05, atol: 2e-4 },
    reason: 'a result of central differences in float32 (step 1e-2): truncation leaves a few percent, rounding (u·|J| / ε) a floor near 1e-4',
  },
} as const satisfies Record<string, { tolerance: Tolerance; reason: string }>;

export type ToleranceClass = keyof typeof TOLERANCE_CLASSES;

export interface ToleranceOptions {
  /**
   * The magnitude of the terms the compared result is summed from, when it can
   * be far smaller than they are (a mean of normalised values, a difference of
   * two costs): the absolute floor becomes (rtol/10)·scale, as compareValues
   * does for the expected values' own largest magnitude. Use scaleOf(…).
   */
  scale?: number;
}

/** The tolerance of a computation class (default: one float32 computation). */
export function tolerance(kind: ToleranceClass = 'float32', options: ToleranceOptions = {}): Tolerance {
  const { rtol, atol } = TOLERANCE_CLASSES[kind].tolerance;
  return { rtol, atol: atol + (rtol / 10) * (options.scale ?? 0) };
}

/** The largest magnitude among the numbers of some values (tensors, numbers, arrays and records of them). */
export function scaleOf(...values: Value[]): number {
  let scale = 0;
  const visit = (v: Value): void => {
    if (typeof v === 'number') scale = Math.max(scale, Number.isFinite(v) ? Math.abs(v) : 0);
    else if (isNdArray(v)) for (const x of v.data) visit(x);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (isRecord(v)) Object.values(v).forEach(visit);
  };
  values.forEach(visit);
  return scale;
}
