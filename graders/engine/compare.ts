import {
  formatNd,
  formatNumber,
  formatShape,
  isNdArray,
  nd,
  sameShape,
  sizeOf,
  transpose2d,
  unravel,
  type NdArray,
} from './ndarray';
import { describeValue, isExportRef, isOpaque, isRecord, keyList, type Value } from './values';

// Where messages have always found it.
export { keyList } from './values';
import { genericDiagnoses, type Judge } from './diagnose';

/**
 * Float32-aware comparison of a learner's output with the expected one.
 * An element passes when |actual − expected| ≤ rtol·|expected| + atol, where atol
 * grows with the array's largest magnitude: in float32 a value far below the
 * others carries the rounding error of the large ones.
 */
export interface Tolerance {
  rtol: number;
  atol: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-3, atol: 1e-6 };

/** Named quantities of a case, used to explain a constant factor ("off by m = 5"). */
export type CaseConstants = Record<string, number>;

export interface Mismatch {
  /** Where in the output: "output", "output.cache.A1", "output[1]". */
  path: string;
  problem: 'type' | 'missing' | 'shape' | 'not-finite' | 'values';
  message: string;
  /** The likely mistake, when one of the known transforms explains the difference. */
  likely?: string;
  expected?: string;
  actual?: string;
}

/** Whether `actual` is `expected` within the tolerance: compareValues finds no difference. */
export function withinTolerance(expected: Value, actual: Value, tolerance: Tolerance = DEFAULT_TOLERANCE): boolean {
  return compareValues(expected, actual, tolerance) === null;
}

export function compareValues(
  expected: Value,
  actual: Value,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
  constants: CaseConstants = {},
  path = 'output',
  /**
   * Hold the expected value's type exactly: a number is not a one-element tensor, nor the reverse. Reference
   * checks ask for it (their expected values are the reference solution's own outputs, so their types are the
   * contract's); a property comparing with a number it computed does not.
   */
  exactTypes = false,
): Mismatch | null {
  if (isNdArray(expected)) return compareTensor(expected, actual, tolerance, constants, path, exactTypes);
  if (isExportRef(expected)) return isExportRef(actual) && actual.name === expected.name ? null : typeMismatch(path, describeValue(expected), actual);
  if (typeof expected === 'number') {
    // The contract says a number: a one-element tensor is not one (code that reads the result as a number breaks on it).
    if (exactTypes && isNdArray(actual) && actual.data.length === 1) {
      return {
        path,
        problem: 'type',
        message: `${path} should be a number, but is a tensor of shape ${formatShape(actual.shape)} holding ${formatNumber(actual.data[0]!)}: return the number itself (for example tensor.dataSync()[0]).`,
      };
    }
    const asNumber = scalarOf(actual);
    if (asNumber === undefined) return typeMismatch(path, 'a number', actual);
    return compareTensor(nd([expected], []), nd([asNumber], []), tolerance, constants, path, false);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return typeMismatch(path, `an array of ${expected.length} items`, actual);
    if (actual.length !== expected.length) {
      return {
        path,
        problem: 'shape',
        message: `${path} should hold ${expected.length} items, but holds ${actual.length}.`,
      };
    }
    for (let i = 0; i < expected.length; i++) {
      const m = compareValues(expected[i]!, actual[i]!, tolerance, constants, `${path}[${i}]`, exactTypes);
      if (m) return m;
    }
    return null;
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return typeMismatch(path, `an object with keys ${keyList(Object.keys(expected))}`, actual);
    for (const key of Object.keys(expected)) {
      if (!(key in actual) || actual[key] === undefined) {
        const has = Object.keys(actual);
        return {
          path: `${path}.${key}`,
          problem: 'missing',
          message: `${path} has no "${key}" (it has ${has.length ? keyList(has) : 'no keys'}).`,
        };
      }
      const m = compareValues(expected[key]!, actual[key]!, tolerance, constants, `${path}.${key}`, exactTypes);
      if (m) return m;
    }
    return null;
  }
  // Strings, booleans, null: exact.
  if (expected !== actual) {
    return {
      path,
      problem: 'values',
      message: `${path} should be ${describeValue(expected)}, but is ${describeValue(actual)}.`,
    };
  }
  return null;
}

function scalarOf(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isNdArray(v) && v.data.length === 1) return v.data[0];
  return undefined;
}

function typeMismatch(path: string, wanted: string, actual: Value): Mismatch {
  const hint = isOpaque(actual) ? '' : actual === undefined ? ' Did you forget a return statement?' : '';
  return {
    path,
    problem: 'type',
    message: `${path} should be ${wanted}, but is ${describeValue(actual)}.${hint}`,
  };
}

function compareTensor(expected: NdArray, actual: Value, tol: Tolerance, constants: CaseConstants, path: string, exactTypes: boolean): Mismatch | null {
  if (typeof actual === 'number' && expected.data.length === 1 && !exactTypes) actual = nd([actual], expected.shape);
  if (typeof actual === 'number' && expected.data.length === 1) {
    return {
      path,
      problem: 'type',
      message: `${path} should be a tensor of shape ${formatShape(expected.shape)}, but is the number ${formatNumber(actual)}: return it as a tensor (for example tf.scalar(x)${expected.shape.length ? `.reshape(${formatShape(expected.shape)})` : ''}).`,
    };
  }
  if (!isNdArray(actual)) {
    const wanted = expected.shape.length === 0 ? 'a number or scalar tensor' : `a tensor of shape ${formatShape(expected.shape)}`;
    return typeMismatch(path, wanted, actual);
  }
  // A scalar may come back as [], [1] or [1, 1]: all mean the same number.
  const bothScalar = expected.data.length === 1 && actual.data.length === 1;
  if (!sameShape(expected.shape, actual.shape) && !bothScalar) return shapeMismatch(expected, actual, tol, path);

  // A non-finite value is wrong wherever the expected one is not that very value (NaN is never one: it matches nothing).
  const stray = (v: number, i: number) => !Number.isFinite(v) && v !== expected.data[i];
  const bad = actual.data.findIndex(stray);
  if (bad >= 0) {
    const count = actual.data.filter(stray).length;
    return {
      path,
      problem: 'not-finite',
      message:
        `${path} contains ${count} NaN or infinite value${count > 1 ? 's' : ''} ` +
        `(first at ${formatIndex(bad, actual.shape)}: ${formatNumber(actual.data[bad]!)}). ` +
        `Look for log(0), division by zero, or exp of a large number.`,
      actual: formatNd(actual, 6, bad),
      expected: formatNd(expected, 6, bad),
    };
  }
  const stats = elementErrors(expected.data, actual.data, tol);
  if (stats.wrong === 0) return null;
  const n = expected.data.length;
  const w = stats.worst;
  const message =
    (n === 1
      ? `${path} is ${formatNumber(actual.data[0]!)}, expected ${formatNumber(expected.data[0]!)} ` +
        `(off by ${formatNumber(stats.maxAbs)}).`
      : `${path} differs in ${stats.wrong} of ${n} values (${percent(stats.wrong / n)}). ` +
        `Largest error ${formatNumber(stats.maxAbs)}${stats.maxRel > 0 && Number.isFinite(stats.maxRel) ? ` (relative ${formatNumber(stats.maxRel)})` : ''} at ${formatIndex(w, expected.shape)}: ` +
        `expected ${formatNumber(expected.data[w]!)}, got ${formatNumber(actual.data[w]!)}. ` +
        `First difference at ${formatIndex(stats.first, expected.shape)}.`) + barelyOver(expected.data, w, stats.maxAbs, tol);
  let explained: { likely: string | undefined } | undefined;
  return {
    path,
    problem: 'values',
    message,
    // Worked out when first read: equality tests (known mistakes, properties) compare many outputs and read none.
    get likely() {
      explained ??= { likely: explainValues(expected, actual, tol, constants) };
      return explained.likely;
    },
    // Elided around the worst difference, so both show the values that disagree.
    expected: formatNd(expected, 6, w),
    actual: formatNd(actual, 6, w),
  };
}

interface ErrorStats {
  wrong: number;
  first: number;
  worst: number;
  maxAbs: number;
  maxRel: number;
}

/**
 * A difference that is small but over the tolerance (a shrunk counterexample's usually is: shrinking looks for the
 * smallest input that still fails) reads like rounding noise: say how much rounding could explain, so it does not.
 */
function barelyOver(expected: readonly number[], worst: number, error: number, tol: Tolerance): string {
  if (!Number.isFinite(expected[worst]!)) return '';
  const scale = finiteScale(expected);
  const allowed = tol.rtol * Math.abs(expected[worst]!) + tol.atol + (tol.rtol / 10) * scale;
  // Within a few times the allowance, or tiny in absolute terms (1e-6 next to an expected 0 looks like noise).
  if (allowed === 0 || !(error < 4 * allowed || error < 1e-4)) return '';
  return ` Rounding would explain at most ${formatNumber(allowed)} there: this is a real difference, however small.`;
}

/**
 * The largest finite magnitude among the expected values: the scale of their rounding. An infinite (or NaN)
 * expected value has none; counted, it made the tolerance infinite, and any answer matched.
 */
function finiteScale(expected: readonly number[]): number {
  let scale = 0;
  for (const e of expected) if (Number.isFinite(e)) scale = Math.max(scale, Math.abs(e));
  return scale;
}

function elementErrors(expected: readonly number[], actual: readonly number[], tol: Tolerance, stopAtFirst = false): ErrorStats {
  const atol = tol.atol + (tol.rtol / 10) * finiteScale(expected);
  const stats: ErrorStats = { wrong: 0, first: -1, worst: 0, maxAbs: 0, maxRel: 0 };
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    // An infinite expected value is matched by that same infinity alone, a NaN by nothing (as it always was).
    const finite = Number.isFinite(e);
    const err = !finite ? (e === a ? 0 : Infinity) : Number.isNaN(a) ? Infinity : e === a ? 0 : Math.abs(a - e);
    if (err > stats.maxAbs || (stats.maxAbs === 0 && err > 0)) {
      stats.maxAbs = err;
      stats.worst = i;
    }
    // Relative error means little where the expected value is (nearly) zero: those count in absolute terms only.
    if (finite && Math.abs(e) > atol) stats.maxRel = Math.max(stats.maxRel, err / Math.abs(e));
    if (!(err <= (finite ? tol.rtol * Math.abs(e) + atol : 0))) {
      stats.wrong++;
      if (stats.first < 0) stats.first = i;
      if (stopAtFirst) break;
    }
  }
  return stats;
}

function allClose(expected: readonly number[], actual: readonly number[], tol: Tolerance): boolean {
  // Stopping at the first wrong element: the diagnoses try many candidates that do not fit.
  return expected.length === actual.length && elementErrors(expected, actual, tol, true).wrong === 0;
}

function shapeMismatch(expected: NdArray, actual: NdArray, tol: Tolerance, path: string): Mismatch {
  const base = `${path} has shape ${formatShape(actual.shape)}, expected ${formatShape(expected.shape)}.`;
  return { path, problem: 'shape', message: base, likely: explainShape(expected, actual, tol) };
}

/** Names the usual causes of a wrong shape. */
function explainShape(expected: NdArray, actual: NdArray, tol: Tolerance): string | undefined {
  const e = expected.shape;
  const a = actual.shape;
  if (e.length === 2 && a.length === 2 && e[0] === a[1] && e[1] === a[0]) {
    return allClose(expected.data, transpose2d(actual).data, tol)
      ? 'Your result is the transpose of the expected one: check the order of a matrix product or a missing/extra transpose.'
      : 'The dimensions are swapped: a matrix product in the wrong order, or a transpose missing or extra?';
  }
  const squeeze = (s: readonly number[]) => s.filter((d) => d !== 1);
  if (sizeOf(e) === sizeOf(a) && sameShape(squeeze(e), squeeze(a))) {
    return allClose(expected.data, actual.data, tol)
      ? `The values are right but a dimension of size 1 is ${a.length < e.length ? 'missing' : 'extra'}: ` +
          `keep it (e.g. keepDims: true in tf.sum/tf.mean, or reshape to ${formatShape(e)}).`
      : `A dimension of size 1 is ${a.length < e.length ? 'missing' : 'extra'}: reshape to ${formatShape(e)} (e.g. keepDims: true).`;
  }
  if (e.length === 2 && a.length === 2 && e[1] === 1 && a[1] === e[0] && a[0] === e[0] && e[0]! > 1) {
    return `A [${e[0]}] vector combined with a [${e[0]}, 1] column broadcast to ${formatShape(a)}: keep both as columns (keepDims: true).`;
  }
  if (e.length === 2 && e[1] === 1 && ((a.length === 2 && a[0] === 1) || a.length === 1)) {
    return 'It looks reduced over the wrong axis: a per-row result (one value per unit) needs a sum over axis 1 with keepDims: true.';
  }
  if (e.length === 2 && e[0] === 1 && ((a.length === 2 && a[1] === 1) || a.length === 1)) {
    return 'It looks reduced over the wrong axis: a per-example result (one value per column) needs a sum over axis 0.';
  }
  return undefined;
}

/**
 * Tries cheap transforms of the learner's values against the expected ones. A
 * transform is named only when it is the only one that fits: two that fit the
 * same values (a factor and an offset on values all alike) could each be wrong.
 */
function explainValues(expected: NdArray, actual: NdArray, tol: Tolerance, constants: CaseConstants): string | undefined {
  // Each entry is a transform that fits; undefined when it fits but says nothing on its own (an unnamed factor of one value).
  const fitting: (string | undefined)[] = [];
  if (allClose(expected.data, actual.data.map((v) => -v), tol)) fitting.push('The sign is flipped: every value is the negative of the expected one.');
  else {
    const found = constantFactor(expected.data, actual.data);
    if (found && allClose(expected.data.map((v) => v * found.ratio), actual.data, tol)) {
      // Any two numbers differ by some factor: for a single value (or values all alike), only a factor with a name says anything.
      fitting.push(describeFactor(found.ratio, constants, found.evidence > 1));
    }
  }
  if (expected.shape.length === 2 && expected.shape[0] === expected.shape[1] && allClose(expected.data, transpose2d(actual).data, tol)) {
    fitting.push('Your result is the transpose of the expected one: check the order of a matrix product or a missing/extra transpose.');
  }
  fitting.push(...genericDiagnoses(expected, actual, judgeWith(tol)));
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** The check's tolerance, as the generic diagnoses use it. */
function judgeWith(tol: Tolerance): Judge {
  const scaled = (times: number) => ({ rtol: tol.rtol * times, atol: tol.atol * times });
  return {
    // Both ways: the allowed error grows with the reference's largest value, and a transform's values
    // (exp of large numbers) could otherwise make any candidate fit.
    close: (reference, candidate, times = 1) => allClose(reference, candidate, scaled(times)) && allClose(candidate, reference, scaled(times)),
    floor: (values) => tol.atol + tol.rtol * values.reduce((m, v) => Math.max(m, Math.abs(v)), 0),
    rtol: tol.rtol,
  };
}

/**
 * The ratio actual/expected when it is the same for every element (ignoring zeros), and how many elements
 * show it: values all alike fit an offset as well as a factor, so they count as one.
 */
function constantFactor(expected: readonly number[], actual: readonly number[]): { ratio: number; evidence: number } | undefined {
  let ratio: number | undefined;
  let seen = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    lo = Math.min(lo, e);
    hi = Math.max(hi, e);
    if (Math.abs(e) < 1e-12) continue;
    const r = actual[i]! / e;
    if (!Number.isFinite(r) || r === 0) return undefined;
    seen++;
    if (ratio === undefined) ratio = r;
    else if (Math.abs(r - ratio) > 1e-3 * Math.abs(ratio)) return undefined;
  }
  if (ratio === undefined || Math.abs(ratio - 1) <= 1e-3) return undefined;
  const alike = hi - lo <= 1e-3 * Math.max(Math.abs(lo), Math.abs(hi));
  return { ratio, evidence: alike ? 1 : seen };
}

/**
 * The named quantities a constant factor could be: each size of the case, 2×
 * and 4× it, and products of two or three sizes (f·f·nC, 2·m …), with their
 * values. A factor is named only when every expression that fits it is the
 * same quantity: on a case where m = nC = 2, a factor of 2 names neither.
 */
function factorNames(constants: CaseConstants): [string, number][] {
  const sizes = Object.entries(constants).filter(([, v]) => Number.isFinite(v) && v !== 0 && v !== 1 && v !== -1);
  const out: [string, number][] = [];
  for (const [n, v] of sizes) out.push([n, v], [`2·${n}`, 2 * v], [`4·${n}`, 4 * v]);
  for (let i = 0; i < sizes.length; i++) {
    for (let j = i; j < sizes.length; j++) {
      const [a, va] = sizes[i]!;
      const [b, vb] = sizes[j]!;
      out.push([`${a}·${b}`, va * vb]);
      for (let k = j; k < sizes.length; k++) out.push([`${a}·${b}·${sizes[k]![0]}`, va * vb * sizes[k]![1]]);
    }
  }
  return out;
}

function describeFactor(factor: number, constants: CaseConstants, evidence: boolean): string | undefined {
  const near = (x: number, y: number) => Math.abs(x - y) <= 1e-3 * Math.abs(y);
  const names = factorNames(constants);
  const larger = names.filter(([, v]) => near(factor, v)).map(([n]) => n);
  const smaller = names.filter(([, v]) => near(factor, 1 / v)).map(([n]) => n);
  // The simplest expression that fits, but only when nothing else fits: otherwise the size is named as a number.
  if (larger.length === 1) return `Every value is ${formatNumber(factor)}× too large — that is ${larger[0]}: is a division by ${larger[0]} missing?`;
  if (smaller.length === 1) return `Every value is ${formatNumber(1 / factor)}× too small — that is ${smaller[0]}: is a division by ${smaller[0]} there twice, or a mean where a sum belongs?`;
  if (larger.length > 1 || smaller.length > 1) {
    const which = (larger.length > 1 ? larger : smaller).slice(0, 3).join(', ');
    return factor > 0 && larger.length > 1
      ? `Every value is ${formatNumber(factor)}× too large: a constant factor is off (on this case ${formatNumber(factor)} is each of ${which}, so which one cannot be told).`
      : `Every value is ${formatNumber(1 / factor)}× too small: a constant factor is off (on this case ${formatNumber(1 / factor)} is each of ${which}, so which one cannot be told).`;
  }
  if (near(factor, -1)) return 'The sign is flipped.';
  if (!evidence) return undefined;
  // A few percent off everywhere is what a small wrong term on top of large right ones gives (an update step
  // computed from the wrong quantity, parameters barely moved): a constant factor would be a guess, not a finding.
  if (Math.abs(factor - 1) < 0.05) return undefined;
  if (factor < 0) return `Every value is ${formatNumber(factor)} times the expected one: a sign and a constant factor are off.`;
  return factor > 1
    ? `Every value is ${formatNumber(factor)}× too large: a constant factor is off.`
    : `Every value is ${formatNumber(1 / factor)}× too small: a constant factor is off.`;
}

function formatIndex(flat: number, shape: readonly number[]): string {
  return shape.length === 0 ? 'the value' : `[${unravel(flat, shape).join(', ')}]`;
}

function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** The first NaN or infinite number in a value (a tensor's element, a number, inside arrays and records), with where it is. */
export function firstNotFinite(v: Value, path = 'output'): { path: string; value: number } | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : { path, value: v };
  if (isNdArray(v)) {
    const i = v.data.findIndex((x) => !Number.isFinite(x));
    return i < 0 ? undefined : { path: v.shape.length ? `${path}${formatIndex(i, v.shape)}` : path, value: v.data[i]! };
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const found = firstNotFinite(v[i]!, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isRecord(v)) {
    for (const key of Object.keys(v)) {
      const found = firstNotFinite(v[key]!, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
