import { RandomState } from '../../../lib/np-random';
import type { CheckContext, GradientCheckDef } from '../define';
import { CallFailure } from '../implementation';
import { formatNumber, formatShape, isNdArray, nd, sameShape, sizeOf, type NdArray } from '../ndarray';
import type { CheckResult, GradientError } from '../report/model';
import { roundScore } from '../report/model';
import { gradientErrorsPlot } from '../report/plots';
import { describeValue, type Value } from '../values';
import { baseResult, failureResult, unexpectedResult } from './outcome';
import { firstFailure, overlapped } from './overlap';
import { Violation } from './violation';

/**
 * Float32 defaults. The cost is summed in float32 (about 7 significant digits),
 * so a two-sided difference with step ε carries a rounding error near
 * 1e-7·|J|/ε: ε = 1e-2 keeps that near 1e-5 while the truncation error (ε²)
 * stays as small. Wrong backward passes are off by far more than 2%.
 */
const DEFAULT_EPSILON = 1e-2;
const DEFAULT_TOLERANCE = 2e-2;
const DIRECTIONS = 3;
const FLOAT32_EPS = 1.2e-7;

/**
 * Compares the learner's backward pass with central differences of the
 * learner's own forward pass and cost. "entries" perturbs each element;
 * "directional" perturbs along a few random unit directions per variable, so a
 * check costs a handful of forward passes whatever the size.
 */
export async function runGradientCheck(def: GradientCheckDef, exercise: string, ctx: CheckContext, seed: number): Promise<CheckResult> {
  const eps = def.epsilon ?? DEFAULT_EPSILON;
  const tol = def.tolerance ?? DEFAULT_TOLERANCE;
  const point = def.at();
  const rng = new RandomState(seed % 2 ** 32);
  try {
    // The backward pass and the cost at the point, then the cost on either side of it along every direction:
    // each batch at once (overlap.ts), settled as if one after another.
    const [analytic, cost0] = (await inOrder<unknown>(ctx, [(c) => def.gradients(c, point), (c) => def.cost(c, point)])) as [Record<string, Value>, number];
    if (!Number.isFinite(cost0)) return baseResult(def, 'failed', `The cost at the check point is ${cost0}: fix the forward pass and cost first.`);
    // Noise of a float32 difference: a few ulps of the cost, divided by the step.
    const noise = (50 * FLOAT32_EPS * Math.max(1, Math.abs(cost0))) / eps;
    const errors: GradientError[] = [];
    const probes: { error: GradientError; g: NdArray; directions: number[][] }[] = [];
    for (const [name, value] of Object.entries(point)) {
      const raw = analytic[name];
      // A one-element variable's gradient may come back as a plain number (db in logistic regression).
      const g = typeof raw === 'number' && sizeOf(value.shape) === 1 ? nd([raw], value.shape) : raw;
      if (!isNdArray(g)) {
        errors.push({ variable: name, relativeError: Infinity, passed: false, message: `the gradient for ${name} is ${describeValue(g)}` });
        continue;
      }
      if (!sameShape(g.shape, value.shape)) {
        errors.push({
          variable: name,
          relativeError: Infinity,
          passed: false,
          message: `the gradient for ${name} has shape ${formatShape(g.shape)}, but ${name} has shape ${formatShape(value.shape)}`,
        });
        continue;
      }
      const error: GradientError = { variable: name, relativeError: Infinity, passed: false };
      errors.push(error);
      probes.push({ error, g, directions: def.mode === 'entries' ? basis(value) : randomDirections(value, rng) });
    }
    const shifted = probes.flatMap(({ error, directions }) =>
      directions.flatMap((d) => [eps, -eps].map((step) => (c: CheckContext) => def.cost(c, { ...point, [error.variable]: shift(point[error.variable]!, d, step) }))),
    );
    const costs = await inOrder(ctx, shifted);
    let next = 0;
    for (const { error, g, directions } of probes) {
      const numeric: number[] = [];
      const exact: number[] = [];
      for (const d of directions) {
        numeric.push((costs[next++]! - costs[next++]!) / (2 * eps));
        exact.push(dot(g.data, d));
      }
      const diff = norm(numeric.map((n, i) => n - exact[i]!));
      const scale = norm(numeric) + norm(exact);
      error.relativeError = diff === 0 ? 0 : scale === 0 ? Infinity : diff / scale;
      error.passed = Number.isFinite(diff) && (error.relativeError <= tol || diff <= noise * Math.sqrt(directions.length));
    }
    const ok = errors.filter((e) => e.passed).length;
    const score = roundScore((def.points * ok) / errors.length);
    // The HTML report draws each variable's error against the tolerance.
    const plots = [gradientErrorsPlot(errors, tol)];
    const summary = errors.map((e) => `${e.variable}: ${e.message ?? `relative error ${formatNumber(e.relativeError)}`}`).join('; ');
    if (ok === errors.length) {
      return { ...baseResult(def, 'passed', `Gradients match central differences (${summary}).`), score, gradients: errors, plots };
    }
    const wrong = errors.filter((e) => !e.passed).map((e) => e.variable);
    return {
      ...baseResult(
        def,
        'failed',
        `The gradient${wrong.length > 1 ? 's' : ''} of ${wrong.join(', ')} disagree${wrong.length > 1 ? '' : 's'} with central differences of the cost ` +
          `your code computes (tolerance ${formatNumber(tol)}): ${summary}.`,
      ),
      score,
      gradients: errors,
      plots,
    };
  } catch (err) {
    if (err instanceof CallFailure) return failureResult(def, exercise, err);
    if (err instanceof Violation) return baseResult(def, 'failed', err.message);
    return unexpectedResult(def, err);
  }
}

function basis(value: NdArray): number[][] {
  const n = sizeOf(value.shape);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function randomDirections(value: NdArray, rng: RandomState): number[][] {
  const n = sizeOf(value.shape);
  return Array.from({ length: Math.min(DIRECTIONS, n) }, () => {
    const d = rng.randn(n);
    const len = norm(d) || 1;
    return d.map((x) => x / len);
  });
}

function shift(value: NdArray, direction: number[], step: number): NdArray {
  return nd(
    value.data.map((x, i) => x + step * direction[i]!),
    value.shape,
  );
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, x, i) => s + x * b[i]!, 0);
}

function norm(a: readonly number[]): number {
  return Math.sqrt(dot(a, a));
}

/** Runs the parts at once (overlap.ts) and returns their values, or throws the first failure, as one by one would. */
async function inOrder<T>(ctx: CheckContext, parts: ((ctx: CheckContext) => Promise<T>)[]): Promise<T[]> {
  const { results, keep } = await overlapped(ctx, parts);
  keep();
  const failed = firstFailure(results);
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
