/**
 * The tolerance policy (graders/engine/tolerance.ts): each class passes the
 * float32 (or float64) rounding of a computation of its kind and still rejects
 * the errors it is there to catch; and graders take every tolerance from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareValues, DEFAULT_TOLERANCE } from '../graders/engine/compare';
import { nd, type NdArray } from '../graders/engine/ndarray';
import { scaleOf, tolerance, TOLERANCE_CLASSES, type ToleranceClass } from '../graders/engine/tolerance';
import type { Value } from '../graders/engine/values';

const f32 = Math.fround;

/** A deterministic uniform generator in [0, 1), so the test does not depend on a seed. */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const passes = (expected: Value, actual: Value, kind: ToleranceClass, scale?: number) => compareValues(expected, actual, tolerance(kind, { scale })) === null;
const off = (a: NdArray, factor: number, at = 0) => nd(a.data.map((v, i) => (i === at ? v * factor : v)), a.shape);
/** The index of the largest magnitude: an error there is not hidden by the scale floor. */
const largest = (a: NdArray) => a.data.reduce((best, v, i) => (Math.abs(v) > Math.abs(a.data[best]!) ? i : best), 0);

/** A·B with the sums accumulated in float64 (exact) or float32 (every operation rounded, as TF.js does). */
function matmul(a: number[][], b: number[][], round: (x: number) => number): NdArray {
  const out: number[] = [];
  for (const row of a) {
    for (let j = 0; j < b[0]!.length; j++) {
      let s = 0;
      for (let k = 0; k < row.length; k++) s = round(s + round(round(row[k]!) * round(b[k]![j]!)));
      out.push(s);
    }
  }
  return nd(out, [a.length, b[0]!.length]);
}

const randomMatrix = (rows: number, cols: number, next: () => number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => 4 * next() - 2));

describe('tolerance policy: each class fits its computation', () => {
  it('exact: float64 bookkeeping in any order passes; a 1% error, or even 1e-6, fails', () => {
    const next = uniform(1);
    const errors = Array.from({ length: 50 }, () => [next(), next(), next()] as const);
    for (const [train, dev, test] of errors) {
      const direct = test - train;
      const chained = test - dev + (dev - train);
      expect(passes(direct, chained, 'exact')).toBe(true);
      if (direct > 1e-3) {
        expect(passes(direct, direct * 1.01, 'exact')).toBe(false);
        expect(passes(direct, direct * (1 + 1e-6), 'exact')).toBe(false);
      }
    }
  });

  it('elementwise: 10^r and 1 − 10^r in float32 pass; a 0.08% error (a 1279-pixel width for 1280) fails', () => {
    const r = Array.from({ length: 40 }, (_, i) => -5 + (6 * i) / 39);
    const exact = nd(r.map((v) => 10 ** v), [40]);
    const float32 = nd(r.map((v) => f32(10 ** f32(v))), [40]);
    expect(passes(exact, float32, 'elementwise')).toBe(true);
    const beta = nd(r.map((v) => 1 - 10 ** (v - 1)), [40]);
    expect(passes(beta, nd(r.map((v) => f32(1 - f32(10 ** f32(v - 1)))), [40]), 'elementwise')).toBe(true);
    const pixels = nd(r.map((v) => (10 ** v / 10) * 1280), [40]);
    expect(passes(pixels, nd(pixels.data.map((v) => (v * 1279) / 1280), [40]), 'elementwise')).toBe(false);
    expect(passes(pixels, nd(pixels.data.map((v) => (v * 1279) / 1280), [40]), 'float32')).toBe(true); // why the class exists
    expect(passes(exact, off(exact, 1.01, 39), 'elementwise')).toBe(false);
  });

  it('float32: a [30, 200]·[200, 20] product summed in float32 passes; a 1% error fails', () => {
    const next = uniform(2);
    const [a, b] = [randomMatrix(30, 200, next), randomMatrix(200, 20, next)];
    const exact = matmul(a, b, (x) => x);
    const float32 = matmul(a, b, f32);
    expect(passes(exact, float32, 'float32')).toBe(true);
    expect(tolerance('float32')).toEqual(DEFAULT_TOLERANCE);
    expect(passes(exact, off(float32, 1.01, largest(exact)), 'float32')).toBe(false);
  });

  it('backward: a dense layer\'s dW = dZ·Xᵀ / m after a float32 forward pass passes; a 1% error fails', () => {
    const next = uniform(3);
    const [W, X] = [randomMatrix(8, 50, next), randomMatrix(50, 100, next)];
    const Y = Array.from({ length: 100 }, () => (next() < 0.5 ? 0 : 1));
    const dW = (round: (x: number) => number) => {
      const Z = matmul(W, X, round);
      // dZ = sigmoid(Z) − Y, per unit and example (Y broadcast over the units).
      const dZ = Array.from({ length: 8 }, (_, i) => Array.from({ length: 100 }, (_, j) => round(round(1 / (1 + Math.exp(-Z.data[i * 100 + j]!))) - Y[j]!)));
      const XT = X[0]!.map((_, j) => X.map((row) => row[j]!));
      const product = matmul(dZ, XT, round);
      return nd(product.data.map((v) => round(v / 100)), product.shape);
    };
    const exact = dW((x) => x);
    expect(passes(exact, dW(f32), 'backward')).toBe(true);
    expect(passes(exact, off(dW(f32), 1.01, largest(exact)), 'backward')).toBe(false);
  });

  it('training: 300 steps of logistic regression in float32 pass; parameters 1% off fail', () => {
    const next = uniform(4);
    const X = randomMatrix(3, 40, next);
    const Y = X[0]!.map((_, j) => (X[0]![j]! + 0.5 * X[1]![j]! > 0 ? 1 : 0));
    const train = (round: (x: number) => number) => {
      const w = [0, 0, 0];
      let b = 0;
      for (let step = 0; step < 300; step++) {
        const dw = [0, 0, 0];
        let db = 0;
        for (let j = 0; j < 40; j++) {
          const z = round(w.reduce((s, wi, i) => round(s + round(wi * X[i]![j]!)), b));
          const dz = round(round(1 / (1 + Math.exp(-z))) - Y[j]!);
          w.forEach((_, i) => (dw[i] = round(dw[i]! + round(dz * X[i]![j]!))));
          db = round(db + dz);
        }
        w.forEach((_, i) => (w[i] = round(w[i]! - round(0.5 * round(dw[i]! / 40)))));
        b = round(b - round(0.5 * round(db / 40)));
      }
      return { w: nd(w, [3, 1]), b };
    };
    const exact = train((x) => x);
    const float32 = train(f32);
    expect(passes(exact, float32, 'training')).toBe(true);
    expect(passes(exact, { ...float32, w: off(float32.w, 1.01, largest(exact.w)) }, 'training')).toBe(false);
  });

  it('numericalGradient: a gradient check\'s difference from float32 central differences passes; 10% off fails', () => {
    const theta = Array.from({ length: 8 }, (_, i) => Math.sin(i + 1));
    // J(θ) = Σ tanh(θ_i)² + (Σ θ)² / 10, evaluated with every operation rounded or not.
    const cost = (t: number[], round: (x: number) => number) => {
      const sum = t.reduce((s, v) => round(s + v), 0);
      return round(t.reduce((s, v) => round(s + round(Math.tanh(v) ** 2)), 0) + round(round(sum * sum) / 10));
    };
    const grad = theta.map((v) => 2 * Math.tanh(v) * (1 - Math.tanh(v) ** 2) + (2 * theta.reduce((s, x) => s + x, 0)) / 10);
    const difference = (g: number[], round: (x: number) => number) => {
      const approx = theta.map((_, i) => {
        const step = (d: number) => cost(theta.map((v, k) => (k === i ? round(v + d) : round(v))), round);
        return round(round(step(1e-2) - step(-1e-2)) / round(2e-2));
      });
      const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
      return norm(g.map((x, i) => x - approx[i]!)) / (norm(g) + norm(approx));
    };
    const wrong = grad.map((g, i) => (i < 3 ? 2 * g : g));
    for (const g of [grad, wrong]) {
      const exact = difference(g, (x) => x);
      expect(passes(exact, difference(g, f32), 'numericalGradient')).toBe(true);
    }
    const verdict = difference(wrong, (x) => x);
    expect(passes(verdict, verdict * 1.1, 'numericalGradient')).toBe(false);
  });

  it('scale: a difference of two float32 costs passes only with the floor tied to the costs; 1% of their scale still fails', () => {
    const [cost0, penalty] = [48.123456, 2e-4];
    const difference = f32(f32(cost0 + penalty) - f32(cost0));
    expect(passes(penalty, difference, 'float32')).toBe(false); // 48 rounds by ~2e-6, past 2e-4's own floor
    expect(passes(penalty, difference, 'float32', scaleOf(cost0 + penalty))).toBe(true);
    expect(passes(penalty, penalty + 0.01 * cost0, 'float32', scaleOf(cost0 + penalty))).toBe(false);
  });

  it('scaleOf takes the largest magnitude of numbers, tensors, arrays and records, ignoring what is not finite', () => {
    expect(scaleOf(nd([1, -7, 2], [3]), { a: [0.5, -3] }, NaN, 'text')).toBe(7);
    expect(scaleOf()).toBe(0);
    expect(tolerance('float32', { scale: 10 }).atol).toBeCloseTo(DEFAULT_TOLERANCE.atol + 1e-3, 12);
  });

  it('every class states why', () => {
    for (const c of Object.values(TOLERANCE_CLASSES)) expect(c.reason.length).toBeGreaterThan(30);
  });
});

/** Tolerance literals in grader source: an rtol/atol anywhere, a `tolerance: {…}` object, a *_TOLERANCE constant. */
function literalTolerances(source: string): string[] {
  const pattern = /\b[ra]tol\b|tolerance\s*:\s*\{|\w+_TOLERANCE\s*=/;
  return source.split('\n').filter((line) => pattern.test(line));
}

/**
 * Literal thresholds in grader source: a comparison with a number written in e-notation (`> 1e-4`, `<= 1e-5 + …`,
 * `<= 1 + 1e-6`), the way this code writes small tolerances. Comment lines do not count; an arrow's `=>` is no comparison.
 */
function literalThresholds(source: string): string[] {
  const pattern = /(?<![=<>!])[<>]=?\s*(?:1\s*\+\s*)?\d*\.?\d+e-\d+/;
  return source.split('\n').filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line) && pattern.test(line));
}

/**
 * Graders that still compare with literal thresholds (issue #16): each should take them from the policy, as
 * course5/week2/emojify does, and leave this list. Any other grader is held to none.
 */
const THRESHOLD_DEBT: string[] = [
];

function graderFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? graderFiles(p) : e.name.endsWith('.grader.ts') ? [p] : [];
  });
}

describe('tolerance policy: graders use it, not literals', () => {
  it('finds a literal where there is one', () => {
    expect(literalTolerances("expectClose(a, b, 'x', { rtol: 1e-3, atol: 1e-4 });")).toHaveLength(1);
    expect(literalTolerances("          tolerance: { rtol: 5e-3 },")).toHaveLength(1);
    expect(literalTolerances('const GRAD_TOLERANCE = tolerance();')).toHaveLength(1);
    expect(literalTolerances("          tolerance: tolerance('training'),\nexpectClose(a, b, 'x', tolerance('exact'));")).toEqual([]);
  });

  it('finds a literal threshold where there is one', () => {
    expect(literalThresholds('if (Math.abs(total - 1) > 1e-4 || row.some((p) => !(p >= 0 && p <= 1 + 1e-6))) {')).toHaveLength(1);
    expect(literalThresholds('const same = (a, b) => Math.abs(a - b) <= 1e-5 + 1e-4 * Math.abs(b);')).toHaveLength(1);
    expect(literalThresholds('if (!(p <= 1 + 1e-6)) return;')).toHaveLength(1);
    expect(literalThresholds('if (change >= 2.5e-3) violated(msg);')).toHaveLength(1);
    const clean = [
      "const PROBABILITY = tolerance('elementwise');",
      'if (!nearOne(total) || x > 1) return;',
      'const scaled = xs.map((x) => 1e-3 * x);',
      '  // too close to call (p < 1e-6)',
      ' * entries within 1e-5 of the reference',
      'const lr = 1e-3;',
    ];
    expect(literalThresholds(clean.join('\n'))).toEqual([]);
  });

  it('no grader file outside the known debt compares with a literal threshold, and every listed one still does', () => {
    const root = path.join(process.cwd(), 'graders');
    const found = new Map(graderFiles(root).map((f) => [path.relative(root, f).replace(/\.grader\.ts$/, '').split(path.sep).join('/'), literalThresholds(readFileSync(f, 'utf8'))]));
    const unlisted = [...found].filter(([id, lines]) => lines.length > 0 && !THRESHOLD_DEBT.includes(id)).map(([id, lines]) => `${id}: ${lines[0]!.trim()}`);
    expect(unlisted).toEqual([]);
    // A listed grader cleared of them leaves the list, so the list stays the real debt.
    expect(THRESHOLD_DEBT.filter((id) => !found.get(id)?.length)).toEqual([]);
  });

  it('no grader file holds a literal rtol or atol', () => {
    const files = graderFiles(path.join(process.cwd(), 'graders'));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) => literalTolerances(readFileSync(f, 'utf8')).map((line) => `${path.relative(process.cwd(), f)}: ${line.trim()}`));
    expect(found).toEqual([]);
  });
});
