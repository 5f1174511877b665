/**
 * Grader: course 2, week 1 — Gradient checking.
 *
 * A gradient check is itself a grader, so it is graded like one: the learner's
 * gradientCheckN is handed the exact gradients of the course's three-layer
 * network and deliberately wrong ones (the course's bugs dW2 × 2 and db1 × 4,
 * a flipped sign, a zeroed or scaled gradient), and its verdicts must be right:
 * a small difference for the exact gradients, and for wrong ones the relative
 * difference ‖g − g̃‖ / (‖g‖ + ‖g̃‖) from the two-sided differences g̃. Everything
 * runs in float32, so ε is 1e-2, not the course's float64 1e-7, and that is the
 * default: called without ε, the function must return what it does with 1e-2.
 */
import * as fc from 'fast-check';
import { dims } from '../../engine/arbitraries';
import { expectNumber, violated } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, property, reference, type CheckContext } from '../../engine/define';
import { formatNumber, map, nd, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { tolerance } from '../../engine/tolerance';
import type { ValueRecord } from '../../engine/values';
import type { Net } from './net-inputs';

type Oracle = typeof import('./net.oracle');
let loaded: Oracle | undefined;
/** The plain-JS forward and backward passes: not in the learner edition, so only hidden checks (and fixture builders) load them. */
const oracle = async (): Promise<Oracle> => (loaded ??= await import('./net.oracle'));

/**
 * A case of the one-dimensional J(θ) = θ·x drawn from `s` (x and θ of two decimals, away from 0, default ε): its
 * hidden variant has other values, which a table of the published answers cannot pass.
 */
function drawnCase(s: Seeded): { name: string; args: number[] } {
  const away = (v: number) => Math.round((v < 0 ? v - 0.5 : v + 0.5) * 100) / 100;
  const [x, theta] = [away(s.uniform([1], -4, 4).data[0]!), away(s.uniform([1], -4, 4).data[0]!)];
  return { name: `x = ${x}, θ = ${theta} (drawn)`, args: [x, theta] };
}

const PARAM_KEYS = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'];

/** The exact gradients flattened in the order W1, b1, W2, b2, W3, b3. */
const flatten = (g: Net): number[] => PARAM_KEYS.flatMap((k) => g[`d${k}`]!.data);

/** The exact gradients with some of them scaled: { dW2: 2, db1: 4 } is the course's pair of bugs. */
function corrupt(g: Net, factors: Record<string, number>): Net {
  const out: Net = { ...g };
  for (const [k, f] of Object.entries(factors)) out[k] = map(g[k]!, (v) => v * f);
  return out;
}

/**
 * A point of a network with nX inputs, hidden layers n1 and n2 and m examples,
 * kink-free (a step of ε, 1e-2 by default, never moves a ReLU input across 0),
 * unsaturated (|Z3| ≤ 4, so the float32 cost still moves when a parameter does)
 * and healthy (below).
 */
function point(o: Oracle, nX: number, n1: number, n2: number, m: number, seed: number, eps = 1e-2) {
  for (let s = seed; ; ) {
    const p = o.kinkFreePoint([nX, n1, n2, 1], m, eps, s, undefined, 0.8, 4);
    if (healthy(o, p.X, p.Y, p.params)) return p;
    s = p.seed + 1;
  }
}

/**
 * A point worth checking: at least a quarter of each hidden layer's units are
 * active, the gradient is not tiny (a dead network has gradients near 0, and a
 * relative difference of near-zero vectors only measures float32 rounding), and
 * the two-sided differences at ε = 1e-2 are within 2e-4 of it (a sharply curved
 * cost leaves a truncation error of up to 1e-3, too close to the 1e-3 that
 * "accepts exact gradients" allows).
 */
// The verdict the exercise asks of a gradient check: below this difference (float32, ε = 1e-2) the gradients are called correct.
const ACCEPTS_EXACT = 1e-3;

function healthy(o: Oracle, X: NdArray, Y: NdArray, params: Net): boolean {
  const { Z } = o.forward(X, params);
  const active = (A: NdArray) => A.data.filter((z) => z > 0).length / A.data.length;
  if (!(active(Z[1]!) >= 0.25 && active(Z[2]!) >= 0.25)) return false;
  const exact = flatten(o.backward(X, Y, params));
  // Within the numerical-gradient floor of 0: the float64 differences leave the float32 ones room below ACCEPTS_EXACT.
  return Math.hypot(...exact) >= 0.05 && withinTolerance(0, o.relativeDifference(centralDifferences(o, X, Y, params, 1e-2), exact), tolerance('numericalGradient'));
}

/** The two-sided differences (J(θ + ε) − J(θ − ε)) / (2ε) of the cost in float64, one parameter at a time, in the order W1, b1, …, b3. */
function centralDifferences(o: Oracle, X: NdArray, Y: NdArray, params: Net, eps: number): number[] {
  const cost = (key: string, i: number, step: number) => {
    const data = [...params[key]!.data];
    data[i]! += step;
    const { A } = o.forward(X, { ...params, [key]: nd(data, params[key]!.shape) });
    return o.crossEntropy(A[A.length - 1]!, Y);
  };
  return PARAM_KEYS.flatMap((k) => params[k]!.data.map((_, i) => (cost(k, i, eps) - cost(k, i, -eps)) / (2 * eps)));
}

/** The learner's gradientCheckN; without epsilon, it is called with four arguments (its default ε). */
async function checkN(ctx: CheckContext, params: Net, grads: Net, X: NdArray, Y: NdArray, epsilon?: number): Promise<number> {
  const args = [params as ValueRecord, grads as ValueRecord, X, Y, ...(epsilon === undefined ? [] : [epsilon])];
  const what = `gradientCheckN(parameters, gradients, X, Y${epsilon === undefined ? '' : ', epsilon'})`;
  const d = expectNumber(await ctx.call('gradientCheckN', args, { timeoutMs: 20_000 }), what);
  if (!Number.isFinite(d)) violated(`gradientCheckN returned ${d}.`, 'Check that g and g̃ have the same length (one entry per parameter, W1, b1, W2, b2, W3, b3 in order) and that the denominator is ‖g‖ + ‖g̃‖.');
  return d;
}

/**
 * Random points: 2–4 inputs, 2–5 and 2–3 hidden units, 3–6 examples and a first
 * seed. Finding the kink-free point takes the oracle, so `holds` does it (pointAt).
 */
type PointSpec = { nX: number; n1: number; n2: number; m: number; seed: number };
const pointArb: fc.Arbitrary<PointSpec> = fc
  .record({ sizes: dims({ nX: [2, 4], n1: [2, 5], n2: [2, 3], m: [3, 6] }), seed: fc.integer({ min: 0, max: 100_000 }) })
  .map(({ sizes, seed }) => ({ ...sizes, seed }));
const pointAt = (o: Oracle, { nX, n1, n2, m, seed }: PointSpec) => ({ dims: [nX, n1, n2, 1], ...point(o, nX, n1, n2, m, seed) });

// A counterexample is shown after `holds` ran on it, so the oracle is loaded by then.
const showPoint = (spec: PointSpec) => {
  const p = pointAt(loaded!, spec);
  return `layers [${p.dims.join(', ')}], m = ${p.X.shape[1]}, parameters and data from Seeded(${p.seed})`;
};

/** Ways of getting gradients wrong: one or two of them scaled (0 drops one, −1 flips its sign). */
/** One factor for every gradient of the three-layer network: the whole gradient scaled. */
const EVERY_KEY = (f: number): Record<string, number> => Object.fromEntries(['dW1', 'db1', 'dW2', 'db2', 'dW3', 'db3'].map((k) => [k, f]));

const bugArb = fc.oneof(
  fc.constant({ dW2: 2, db1: 4 }),
  // Pointing the other way as a whole: ‖g + g̃‖ (not ‖g‖ + ‖g̃‖) in the denominator shows only on such gradients.
  fc.constantFrom(-1, -0.5, -2).map(EVERY_KEY),
  fc.record({ key: fc.constantFrom('dW1', 'dW2', 'dW3', 'db1', 'db2'), factor: fc.constantFrom(-1, 0, 0.5, 2, 3) }).map(({ key, factor }) => ({ [key]: factor })),
);

export default defineAssignment({
  id: 'course2/week1/gradient-checking',
  title: 'Gradient checking',
  exercises: [
    {
      name: 'forwardPropagation',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => [
            { name: 'x = 3, θ = 4', args: [3, 4] },
            { name: 'x = −2.5, θ = 0.8', args: [-2.5, 0.8] },
            drawnCase(new Seeded(41)),
          ],
        }),
      ],
    },
    {
      name: 'backwardPropagation',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => [
            { name: 'x = 3, θ = 4', args: [3, 4] },
            { name: 'x = −2.5, θ = 0.8', args: [-2.5, 0.8] },
            drawnCase(new Seeded(41)),
          ],
        }),
      ],
    },
    {
      name: 'gradientCheck',
      dependsOn: ['forwardPropagation', 'backwardPropagation'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => [
            { name: 'x = 2, θ = 4, ε = 1e-7', args: [2, 4, 1e-7] },
            { name: 'x = −3.5, θ = 1.5, ε = 1e-3', args: [-3.5, 1.5, 1e-3] },
            { name: 'x = 0.7, θ = −2, default ε', args: [0.7, -2] },
            drawnCase(new Seeded(43)),
            { name: 'x = 3, θ = 1e10, ε = 1e-7 (θ ± ε rounds back to θ: gradapprox = 0, a difference of 1)', args: [3, 1e10, 1e-7] },
            // ε a power of two (2⁻²³ ≈ 1.19e-7): dividing by 2ε is exact, so any order of the operations gives the same rounded gradapprox.
            { name: 'x = 3, θ = 1e9, ε = 2⁻²³ ≈ 1.19e-7 (J(θ ± ε) rounded: gradapprox = 4, not 3)', args: [3, 1e9, 2 ** -23] },
            { name: 'x = −3.3, θ = 7e8, ε = 2⁻²³ ≈ 1.19e-7 (J(θ ± ε) rounded: gradapprox = −4, not −3.3)', args: [-3.3, 7e8, 2 ** -23] },
            // J = θ·x is linear, so a one-sided difference is as exact as the two-sided one, except where θ + ε and
            // θ − ε round unevenly: at θ = 2³⁰ the doubles above θ are 2⁻²² apart and those below 2⁻²³, so θ + 2⁻²³ (a
            // tie) rounds back to θ while θ − 2⁻²³ is exact. Two-sided: gradapprox = 2⁻²³ / 2⁻²² = 0.5 exactly, a
            // difference of 1/3; one-sided: gradapprox = 0, a difference of 1.
            { name: 'x = 1, θ = 2³⁰, ε = 2⁻²³ (θ + ε rounds back to θ, θ − ε does not: gradapprox = 0.5, a difference of 1/3)', args: [1, 2 ** 30, 2 ** -23] },
          ],
        }),
        property({
          name: 'accepts a correct gradient',
          points: 1,
          claim: 'For J = θ·x the two-sided difference is exact up to rounding: the difference is below 1e-6 for any x ≠ 0, θ and ε in [1e-7, 1e-2]',
          inputs: fc.record({
            x: fc.double({ min: 0.1, max: 10, noNaN: true }).chain((v) => fc.constantFrom(v, -v)),
            theta: fc.double({ min: -10, max: 10, noNaN: true }),
            epsilon: fc.constantFrom(1e-7, 1e-5, 1e-3, 1e-2),
          }),
          numRuns: 20,
          holds: async ({ x, theta, epsilon }, ctx) => {
            const d = expectNumber(await ctx.call('gradientCheck', [x, theta, epsilon]), 'gradientCheck(x, theta, epsilon)');
            // In float64 at ε down to 1e-7 the two costs cancel all but ~9 digits: what is left is within float32's floor of 0.
            if (!withinTolerance(0, d, tolerance('float32'))) {
              violated(
                `the difference is ${formatNumber(d)}.`,
                'gradapprox = (J(θ + ε) − J(θ − ε)) / (2ε) — mind the parentheses around 2ε — and difference = |grad − gradapprox| / (|grad| + |gradapprox|).',
              );
            }
          },
        }),
        property({
          name: 'rejects a step that rounds away',
          points: 1,
          claim:
            'A check must be able to say "mistake": when θ ± ε rounds back to θ (|θ| ≥ 1e10 with ε ≤ 1e-7, beyond float64\'s 16 digits), J(θ + ε) = J(θ − ε), gradapprox = 0 and the difference is exactly 1 for any x ≠ 0',
          inputs: fc.record({
            x: fc.double({ min: 0.1, max: 10, noNaN: true }).chain((v) => fc.constantFrom(v, -v)),
            theta: fc.double({ min: 1e10, max: 1e12, noNaN: true }).chain((v) => fc.constantFrom(v, -v)),
            epsilon: fc.constantFrom(1e-7, 1e-8),
          }),
          numRuns: 15,
          holds: async ({ x, theta, epsilon }, ctx) => {
            const d = expectNumber(await ctx.call('gradientCheck', [x, theta, epsilon]), 'gradientCheck(x, theta, epsilon)');
            if (!withinTolerance(1, d, tolerance('exact'))) {
              violated(
                `the difference is ${formatNumber(d)}, but θ + ε and θ − ε both round to θ here, so gradapprox = 0 and the difference is 1.`,
                'Compute gradapprox from the cost, (J(θ + ε) − J(θ − ε)) / (2ε), never from what you know the derivative is: a check that cannot fail checks nothing.',
              );
            }
          },
        }),
      ],
    },
    {
      name: 'gradientCheckN',
      checks: [
        reference({
          name: 'verdicts on fixed gradients',
          points: 4,
          tolerance: tolerance('numericalGradient'),
          timeoutMs: 20_000,
          cases: async () => {
            const o = await oracle();
            const a = point(o, 3, 4, 2, 5, 11, 0.05);
            const b = point(o, 4, 5, 3, 3, 12);
            const ga = o.backward(a.X, a.Y, a.params);
            const gb = o.backward(b.X, b.Y, b.params);
            const args = (p: typeof a, g: Net, epsilon?: number) => [p.params as ValueRecord, g as ValueRecord, p.X, p.Y, ...(epsilon === undefined ? [] : [epsilon])];
            return [
              { name: 'exact gradients, layers [3, 4, 2, 1], m = 5, ε = 0.05', args: args(a, ga, 0.05) },
              { name: 'exact gradients, layers [4, 5, 3, 1], m = 3, default ε', args: args(b, gb) },
              // ε must be used: this step crosses ReLU kinks, so even exact gradients differ by ~0.15 (~2e-5 at ε = 1e-2).
              { name: 'exact gradients, layers [3, 4, 2, 1], m = 5, ε = 0.5 (too large a step: ReLU kinks crossed, a large difference)', args: args(a, ga, 0.5) },
              { name: "the course's bugs (dW2 × 2, db1 × 4), layers [4, 5, 3, 1], ε = 1e-2", args: args(b, corrupt(gb, { dW2: 2, db1: 4 }), 1e-2) },
              { name: 'dW3 with its sign flipped, layers [3, 4, 2, 1], ε = 1e-2', args: args(a, corrupt(ga, { dW3: -1 }), 1e-2) },
              // The whole gradient pointing the wrong way: ‖g − g̃‖ / (‖g‖ + ‖g̃‖) is 1 and 1 here, where the norm of the
              // sum, ‖g + g̃‖, is near 0 (a huge ratio) and half the sum of the norms (3).
              { name: 'every gradient sign-flipped (−g), layers [4, 5, 3, 1], ε = 1e-2', args: args(b, corrupt(gb, EVERY_KEY(-1)), 1e-2) },
              { name: 'every gradient × −0.5, layers [3, 4, 2, 1], ε = 1e-2', args: args(a, corrupt(ga, EVERY_KEY(-0.5)), 1e-2) },
            ];
          },
        }),
        property({
          name: 'accepts exact gradients',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          timeoutMs: 20_000,
          claim: 'Handed the exact gradients of the network at a point away from ReLU kinks, gradientCheckN (ε = 1e-2) returns a difference below 1e-3',
          inputs: pointArb,
          numRuns: 6,
          show: showPoint,
          holds: async (spec, ctx) => {
            const o = await oracle();
            const p = pointAt(o, spec);
            const d = await checkN(ctx, p.params, o.backward(p.X, p.Y, p.params), p.X, p.Y, 1e-2);
            if (!(d < ACCEPTS_EXACT)) {
              violated(
                `for the exact gradients the difference is ${formatNumber(d)}: this gradient check would reject a correct backward pass.`,
                'Use the two-sided difference (J(θ + ε) − J(θ − ε)) / (2ε), perturb one parameter at a time from a fresh copy of θ, and use the epsilon argument (float32 needs ε ≈ 1e-2, not 1e-7).',
              );
            }
          },
        }),
        property({
          name: 'measures wrong gradients',
          points: 3,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          timeoutMs: 20_000,
          claim:
            'Handed wrong gradients g (some of the exact ones scaled, zeroed or sign-flipped), gradientCheckN (ε = 1e-2) returns their relative difference ‖g − g̃‖ / (‖g‖ + ‖g̃‖) with the two-sided differences g̃ of the cost at ε = 1e-2 (within about 5%: the float32 tolerance of a numerical gradient)',
          inputs: fc.record({ p: pointArb, bug: bugArb }),
          numRuns: 6,
          show: ({ p, bug }) => `${showPoint(p)}; the exact gradients with ${Object.entries(bug).map(([k, f]) => `${k} × ${f}`).join(', ')}`,
          holds: async ({ p: spec, bug }, ctx) => {
            const o = await oracle();
            const p = pointAt(o, spec);
            const wrong = corrupt(o.backward(p.X, p.Y, p.params), bug);
            // The differences in float64: the learner's float32 ones differ from them by rounding only (u·|J| / ε).
            const expected = o.relativeDifference(flatten(wrong), centralDifferences(o, p.X, p.Y, p.params, 1e-2));
            const d = await checkN(ctx, p.params, wrong, p.X, p.Y, 1e-2);
            if (!withinTolerance(expected, d, tolerance('numericalGradient'))) {
              violated(
                `the difference is ${formatNumber(d)}, but these gradients are off by ${formatNumber(expected)} (relative).`,
                'difference = ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖), with Euclidean norms (square root of the sum of squares) over the whole vectors.',
              );
            }
          },
        }),
        property({
          name: 'uses the default ε',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          timeoutMs: 20_000,
          claim: 'Called without ε, gradientCheckN uses the default ε = 1e-2: it returns exactly the difference it returns when handed ε = 1e-2 (exact gradients, where the difference is float32 rounding and truncation, so it changes with any other ε)',
          inputs: pointArb,
          numRuns: 2,
          show: showPoint,
          holds: async (spec, ctx) => {
            const o = await oracle();
            const p = pointAt(o, spec);
            const exact = o.backward(p.X, p.Y, p.params);
            const withEpsilon = await checkN(ctx, p.params, exact, p.X, p.Y, 1e-2);
            const byDefault = await checkN(ctx, p.params, exact, p.X, p.Y);
            // Two calls of a deterministic function: anything but float64 noise is a different ε.
            const same = (a: number, b: number) => withinTolerance(a, b, tolerance('exact'));
            if (same(withEpsilon, byDefault)) return;
            const again = await checkN(ctx, p.params, exact, p.X, p.Y, 1e-2);
            if (!same(withEpsilon, again)) {
              violated(
                `called twice with ε = 1e-2 it returned ${formatNumber(withEpsilon)} and then ${formatNumber(again)}.`,
                'Compute the difference from the arguments alone: no randomness, and nothing kept from one call to the next.',
              );
            }
            violated(
              `without ε the difference is ${formatNumber(byDefault)}, but with ε = 1e-2 it is ${formatNumber(withEpsilon)}: the default ε is not 1e-2.`,
              "Give epsilon the default value 1e-2 (epsilon = 1e-2 in the signature), as the exercise says: the course's 1e-7 is for float64, and a float32 cost cannot resolve it.",
            );
          },
        }),
      ],
    },
  ],
});
