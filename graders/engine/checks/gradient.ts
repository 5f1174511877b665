import { RandomState } from '../../../lib/np-random';
import type { CheckContext, GradientCheckDef } from '../define';
import { CallFailure } from '../implementation';
import { formatNumber, formatShape, isNdArray, nd, sameShape, sizeOf, type NdArray } from '../ndarray';
import type { CheckResult, GradientError } from '../report/model';
import { roundScore } from '../report/model';
import { gradientErrorsPlot } from '../report/plots';
import { describeValue, type Value } from '../values';
import { withinTolerance } from '../compare';
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

/** Where a check evaluates the cost: each variable's directions, and the points a step either side of the check point along them. */
export interface ProbePlan {
  point: Record<string, NdArray>;
  variables: { name: string; directions: number[][]; first: number }[];
  /** Every variable's directions in turn, each a step +ε then −ε: the order of the stored costs (FixtureFile.gradientCosts) after their first. */
  shifted: Record<string, NdArray>[];
}

/** The probe points of a check: a function of its point, mode, step and seed only, so the fixtures can hold the reference's costs there. */
export function probePlan(def: GradientCheckDef, seed: number): ProbePlan {
  const eps = def.epsilon ?? DEFAULT_EPSILON;
  const point = def.at();
  const rng = new RandomState(seed % 2 ** 32);
  const variables: ProbePlan['variables'] = [];
  const shifted: ProbePlan['shifted'] = [];
  for (const [name, value] of Object.entries(point)) {
    const directions = def.mode === 'entries' ? basis(value) : randomDirections(value, rng);
    variables.push({ name, directions, first: shifted.length });
    for (const d of directions) for (const step of [eps, -eps]) shifted.push({ ...point, [name]: shift(value, d, step) });
  }
  return { point, variables, shifted };
}

/**
 * The reference solution's cost at the check point, then at every probe point (probePlan): stored in the public
 * fixtures by `npm run fixtures`, so local and official grading judge alike.
 */
export async function referenceCosts(def: GradientCheckDef, reference: CheckContext, seed: number): Promise<number[]> {
  const { point, shifted } = probePlan(def, seed);
  const costs: number[] = [];
  for (const p of [point, ...shifted]) costs.push(await def.cost(reference, p));
  return costs;
}

/**
 * Compares the learner's backward pass with central differences of the cost.
 * "entries" perturbs each element; "directional" perturbs along a few random
 * unit directions per variable, so a check costs a handful of forward passes
 * whatever the size.
 *
 * Whose cost, where the learner's gradients are judged: the reference
 * solution's, from the fixtures (`stored`), where they hold it. Differences of
 * the learner's own forward pass and cost said only that backward agrees with
 * forward, and a forward pass that answered a constant near the check point
 * (and nowhere else) carried an all-zero backward pass through. Where the
 * gradients are the grader's (`gradients` calls no learner function: it is the
 * learner's cost that must follow them) or the fixtures hold no costs, the
 * learner's own.
 */
export async function runGradientCheck(def: GradientCheckDef, exercise: string, ctx: CheckContext, seed: number, stored?: readonly number[]): Promise<CheckResult> {
  const eps = def.epsilon ?? DEFAULT_EPSILON;
  const tol = def.tolerance ?? DEFAULT_TOLERANCE;
  const plan = probePlan(def, seed);
  const { point } = plan;
  const fits = !!stored && stored.length === plan.shifted.length + 1 && stored.every(Number.isFinite);
  try {
    // The gradients and the cost at the point at once (overlap.ts), settled as if one after another.
    let asksLearner = false;
    const watched = (c: CheckContext): CheckContext => ({ ...c, call: (fn, args, options) => ((asksLearner = true), c.call(fn, args, options)) });
    const { results, keep } = await overlapped<unknown>(ctx, [(c) => def.gradients(watched(c), point), (c) => def.cost(c, point)]);
    keep();
    const [gradients, cost] = results;
    if (gradients!.status === 'rejected') throw gradients!.reason;
    const analytic = gradients!.value as Record<string, Value>;
    const reference = fits && asksLearner ? stored : undefined;
    // With the reference's costs, the learner's only explains a failure: a cost function not written yet does not fail the backward pass.
    if (!reference && cost!.status === 'rejected') throw cost!.reason;
    const ownCost0 = cost!.status === 'fulfilled' && typeof cost!.value === 'number' ? cost!.value : undefined;
    if (!reference && !Number.isFinite(ownCost0)) return baseResult(def, 'failed', `The cost at the check point is ${ownCost0}: fix the forward pass and cost first.`);
    // Noise of a float32 difference: a few ulps of the cost, divided by the step. The reference's cost where known:
    // a learner's cost of 1e30 made any difference look like noise.
    const cost0 = fits ? stored![0]! : ownCost0!;
    const noise = (50 * FLOAT32_EPS * Math.max(1, Math.abs(cost0))) / eps;
    const errors: GradientError[] = [];
    const probes: { error: GradientError; g: NdArray; directions: number[][]; first: number }[] = [];
    for (const { name, directions, first } of plan.variables) {
      const value = point[name]!;
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
      probes.push({ error, g, directions, first });
    }
    // Without the reference's costs, the learner's, along the directions of the variables whose gradients can be compared.
    const costAt = reference
      ? (i: number) => reference[1 + i]!
      : await learnerCosts(ctx, def, plan, probes.map((p) => p.first));
    for (const { error, g, directions, first } of probes) {
      const numeric: number[] = [];
      const exact: number[] = [];
      directions.forEach((d, k) => {
        numeric.push((costAt(first + 2 * k) - costAt(first + 2 * k + 1)) / (2 * eps));
        exact.push(dot(g.data, d));
      });
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
        `The gradient${wrong.length > 1 ? 's' : ''} of ${wrong.join(', ')} disagree${wrong.length > 1 ? '' : 's'} with central differences of the ` +
          `${reference ? 'cost at the check point' : 'cost your code computes'} (tolerance ${formatNumber(tol)}): ${summary}.` +
          (reference ? costNote(ownCost0, cost0) : ''),
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

/** The learner's costs at the probe points of the variables starting at `firsts` (a function of the probe's index). */
async function learnerCosts(ctx: CheckContext, def: GradientCheckDef, plan: ProbePlan, firsts: number[]): Promise<(i: number) => number> {
  const wanted = plan.variables.filter((v) => firsts.includes(v.first)).flatMap((v) => v.directions.flatMap((_, k) => [v.first + 2 * k, v.first + 2 * k + 1]));
  const costs = await inOrder(ctx, wanted.map((i) => (c: CheckContext) => def.cost(c, plan.shifted[i]!)));
  const at = new Map(wanted.map((i, k) => [i, costs[k]!]));
  return (i) => at.get(i)!;
}

/** Says so when the learner's cost at the check point is not the reference's: their gradients come from their forward pass. */
function costNote(own: number | undefined, reference: number): string {
  if (own === undefined || withinTolerance(reference, own)) return '';
  return (
    ` Your cost at the check point is ${formatNumber(own)}, the reference's ${formatNumber(reference)}: your forward pass or cost ` +
    `differs there, and your backward pass works from your forward pass's cache. Fix those first.`
  );
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
