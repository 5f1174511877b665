/**
 * Grader: course 2, week 3 — hyperparameter tuning: sampling a learning rate
 * and a momentum β on a log scale, and zooming in ("coarse to fine").
 */
import * as fc from 'fast-check';
import { expectArray, expectClose, expectNumber, violated } from '../../engine/checks/violation';
import { defineAssignment, property, reference, type CheckContext } from '../../engine/define';
import { withinTolerance } from '../../engine/compare';
import { formatNumber } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { ksUniform } from '../../engine/statistics';
import { tolerance } from '../../engine/tolerance';

const SEED_HINT = 'Call np.random.seed(seed) first, before drawing: the same seed must give the same samples.';

async function samples(ctx: CheckContext, fn: string, low: number, high: number, n: number, seed: number): Promise<number[]> {
  const what = `${fn}(${formatNumber(low)}, ${formatNumber(high)}, ${n}, ${seed})`;
  const out = expectArray(await ctx.call(fn, [low, high, n, seed]), what, n);
  return out.map((v, i) => {
    const x = expectNumber(v, `${what}[${i}]`);
    if (!Number.isFinite(x)) violated(`${what}[${i}] is ${x}.`);
    return x;
  });
}


/**
 * Within [low, high], or a float32 rounding away from an end: samples computed with tensors (tf.pow, 1 − 10^r in float32)
 * can land a float32 rounding past a bound (a β just below high = 0.9999 rounds to the float32 above it).
 */
const inRange = (x: number, low: number, high: number) =>
  (x >= low && x <= high) || withinTolerance(low, x, tolerance('elementwise')) || withinTolerance(high, x, tolerance('elementwise'));

/** Samples large enough that a log-uniform sample stays within KS distance 0.06 (p < 1e-6 of a false alarm). */
const STAT_N = 2000;
const KS_MAX = 0.06;

/** A range of at least one decade: low = 10^a, high = 10^(a + span). */
const logRange = fc.record({
  a: fc.double({ min: -6, max: 1, noNaN: true }),
  span: fc.double({ min: 1, max: 4, noNaN: true }),
  seed: fc.integer({ min: 0, max: 100_000 }),
});

/** β ranges: 1 − β from 10^−(a + span) to 10^−a, e.g. [0.9, 0.999]. */
const betaRange = fc.record({
  a: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
  span: fc.double({ min: 1, max: 2.5, noNaN: true }),
  seed: fc.integer({ min: 0, max: 100_000 }),
});

const showRange = ({ low, high, n, seed }: { low: number; high: number; n: number; seed: number }) =>
  `low = ${formatNumber(low)}, high = ${formatNumber(high)}, n = ${n}, seed = ${seed}`;

export default defineAssignment({
  id: 'course2/week3/hyperparameter-tuning',
  title: 'Hyperparameter tuning: sampling on a log scale',
  // The instructions: "leave values and scores as they were". A sort in place reorders the caller's lists apart.
  argumentsUnchanged: true,
  exercises: [
    {
      name: 'sampleLogUniform',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          tolerance: tolerance('elementwise'),
          cases: async () => [
            { name: 'between 1e-5 and 0.1, n = 6, seed 2', args: [1e-5, 0.1, 6, 2] },
            { name: 'between 0.01 and 100, n = 4, seed 11', args: [0.01, 100, 4, 11] },
            { name: 'between 0.001 and 1, n = 3, default seed', args: [0.001, 1, 3] },
            // Drawn too: its hidden variant has other bounds and seed, which a table of the published answers cannot pass.
            (() => {
              const s = new Seeded(41);
              const [low, decades, n, seed] = [10 ** -s.int(2, 6), s.int(1, 4), s.int(3, 7), s.int(12, 9999)];
              const high = low * 10 ** decades;
              return { name: `between ${formatNumber(low)} and ${formatNumber(high)}, n = ${n}, seed ${seed} (drawn)`, args: [low, high, n, seed] };
            })(),
          ],
        }),
        property({
          name: 'within the range',
          points: 1,
          claim: 'For any range [low, high] of at least one decade, n and seed, the result holds n numbers, all between low and high',
          inputs: logRange.chain(({ a, span, seed }) => fc.record({ low: fc.constant(10 ** a), high: fc.constant(10 ** (a + span)), n: fc.integer({ min: 1, max: 40 }), seed: fc.constant(seed) })),
          numRuns: 15,
          show: showRange,
          holds: async ({ low, high, n, seed }, ctx) => {
            const xs = await samples(ctx, 'sampleLogUniform', low, high, n, seed);
            const out = xs.find((x) => !inRange(x, low, high));
            if (out !== undefined) {
              violated(
                `a sample is ${formatNumber(out)}, outside [${formatNumber(low)}, ${formatNumber(high)}].`,
                'Draw the exponent r uniformly between log10(low) and log10(high) (Math.log10, not Math.log), then return 10^r, not r.',
              );
            }
          },
        }),
        property({
          name: 'uniform on a log scale',
          points: 2,
          claim:
            `log10 of the samples is uniform between log10(low) and log10(high): with n = ${STAT_N}, every decade (or any stretch of the log scale) holds its share of the samples — ` +
            `the Kolmogorov–Smirnov distance to the uniform distribution is at most ${KS_MAX}`,
          inputs: logRange.map(({ a, span, seed }) => ({ low: 10 ** a, high: 10 ** (a + span), n: STAT_N, seed })),
          numRuns: 8,
          show: showRange,
          holds: async ({ low, high, n, seed }, ctx) => {
            const xs = await samples(ctx, 'sampleLogUniform', low, high, n, seed);
            const [a, b] = [Math.log10(low), Math.log10(high)];
            const ks = ksUniform(xs.map((x) => (Math.log10(x) - a) / (b - a)));
            if (ks.d > KS_MAX) {
              const v = 10 ** (a + ks.at * (b - a));
              violated(
                `${(ks.below * 100).toFixed(1)}% of the samples are below ${formatNumber(v)}, but on a log scale ${(ks.at * 100).toFixed(1)}% should be ` +
                  `(Kolmogorov–Smirnov distance ${ks.d.toFixed(3)}).`,
                'Sample the exponent, not the value: r = np.random.uniform(log10(low), log10(high), n) gives n different exponents, and each value is 10^r.',
              );
            }
          },
        }),
        property({
          name: 'reproducible',
          points: 1,
          claim: 'The same seed gives the same samples, call after call, and another seed gives other samples',
          inputs: logRange.map(({ a, span, seed }) => ({ low: 10 ** a, high: 10 ** (a + span), n: 5, seed })),
          numRuns: 5,
          show: showRange,
          holds: async ({ low, high, n, seed }, ctx) => {
            const first = await samples(ctx, 'sampleLogUniform', low, high, n, seed);
            const again = await samples(ctx, 'sampleLogUniform', low, high, n, seed);
            if (first.some((x, i) => x !== again[i])) violated(`two calls with seed ${seed} give [${first.map(formatNumber).join(', ')}] and then [${again.map(formatNumber).join(', ')}].`, SEED_HINT);
            const other = await samples(ctx, 'sampleLogUniform', low, high, n, seed + 1);
            if (first.every((x, i) => x === other[i])) violated(`seeds ${seed} and ${seed + 1} give the same samples.`, SEED_HINT);
          },
        }),
      ],
    },
    {
      name: 'sampleBeta',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          tolerance: tolerance('elementwise'),
          cases: async () => [
            { name: 'between 0.9 and 0.999, n = 5, seed 4', args: [0.9, 0.999, 5, 4] },
            { name: 'between 0.8 and 0.9999, n = 4, seed 9', args: [0.8, 0.9999, 4, 9] },
            { name: 'between 0.99 and 0.9999, n = 3, default seed', args: [0.99, 0.9999, 3] },
            // Drawn too: its hidden variant has other bounds and seed, which a table of the published answers cannot pass.
            (() => {
              const s = new Seeded(43);
              const [low, high, n, seed] = [1 - 10 ** -s.int(1, 2), 1 - 10 ** -s.int(3, 4), s.int(3, 7), s.int(12, 9999)];
              return { name: `between ${formatNumber(low)} and ${formatNumber(high)}, n = ${n}, seed ${seed} (drawn)`, args: [low, high, n, seed] };
            })(),
          ],
        }),
        property({
          name: 'within the range',
          points: 1,
          claim: 'For any range 0 < low < high < 1 of β, n and seed, the result holds n values of β, all between low and high',
          inputs: betaRange.chain(({ a, span, seed }) =>
            fc.record({ low: fc.constant(1 - 10 ** -a), high: fc.constant(1 - 10 ** -(a + span)), n: fc.integer({ min: 1, max: 40 }), seed: fc.constant(seed) }),
          ),
          numRuns: 15,
          show: showRange,
          holds: async ({ low, high, n, seed }, ctx) => {
            const xs = await samples(ctx, 'sampleBeta', low, high, n, seed);
            const out = xs.find((x) => !inRange(x, low, high));
            if (out !== undefined) {
              violated(
                `a sample is ${formatNumber(out)}, outside [${formatNumber(low)}, ${formatNumber(high)}].`,
                'Sample r between log10(1 − high) and log10(1 − low): 10^r is 1 − β, so return β = 1 − 10^r.',
              );
            }
          },
        }),
        property({
          name: '1 − β uniform on a log scale',
          points: 2,
          claim:
            `log10(1 − β) is uniform between log10(1 − high) and log10(1 − low): with n = ${STAT_N}, β between 0.9 and 0.99 is as likely as between 0.99 and 0.999 — ` +
            `the Kolmogorov–Smirnov distance to the uniform distribution is at most ${KS_MAX}`,
          inputs: betaRange.map(({ a, span, seed }) => ({ low: 1 - 10 ** -a, high: 1 - 10 ** -(a + span), n: STAT_N, seed })),
          numRuns: 8,
          show: showRange,
          holds: async ({ low, high, n, seed }, ctx) => {
            const xs = await samples(ctx, 'sampleBeta', low, high, n, seed);
            const [a, b] = [Math.log10(1 - high), Math.log10(1 - low)];
            const ks = ksUniform(xs.map((x) => (Math.log10(1 - x) - a) / (b - a)));
            if (!(ks.d <= KS_MAX)) {
              const v = 1 - 10 ** (a + ks.at * (b - a));
              violated(
                `${(ks.below * 100).toFixed(1)}% of the samples have β above ${formatNumber(v)}, but with 1 − β on a log scale ${(ks.at * 100).toFixed(1)}% should ` +
                  `(Kolmogorov–Smirnov distance ${Number.isFinite(ks.d) ? ks.d.toFixed(3) : ks.d}).`,
                'β close to 1 is where the average is most sensitive: sample 1 − β on a log scale, not β itself.',
              );
            }
          },
        }),
      ],
    },
    {
      name: 'zoomIn',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(51);
            const values = (n: number) => s.uniform([n], -4, 0).data.map((r) => 10 ** r);
            return [
              { name: '10 values, k = 3', args: [values(10), s.uniform([10], 0.5, 1).data, 3] },
              { name: '7 values, k = 1', args: [values(7), s.uniform([7], 0.5, 1).data, 1] },
              { name: '6 values, k = 6', args: [values(6), s.uniform([6], 0.5, 1).data, 6] },
              // Percentages: compared as strings, "9" > "85" > "10".
              { name: '5 values scored in percent, k = 2', args: [[0.001, 0.01, 0.1, 0.3, 0.05], [9, 10, 85, 40, 7], 2] },
              // Scores that are negative losses: the highest is the one closest to 0, not the one largest in size.
              { name: '5 values scored by a negative loss, k = 2', args: [[0.001, 0.01, 0.1, 0.3, 0.05], [-0.9, -0.2, -0.35, -1.4, -0.25], 2] },
              // Two values share the best score: both are among the k best.
              { name: '4 values, the two best tied, k = 2', args: [[0.002, 0.2, 0.02, 0.5], [0.7, 0.9, 0.9, 0.4], 2] },
            ];
          },
        }),
        property({
          name: 'the range of the k best',
          points: 2,
          claim:
            'zoomIn returns [lo, hi] where lo and hi are the smallest and the largest of the k values with the highest scores (so every one of those k lies within, and the best one too); scores are any numbers (percentages, negative, tied), k never splitting a tie',
          inputs: fc
            .array(fc.integer({ min: -50, max: 150 }), { minLength: 1, maxLength: 12 })
            .chain((scores) => {
              // k where the k-th best score differs from the next: which of tied values is "best" is left open.
              const sorted = [...scores].sort((a, b) => b - a);
              const ks = sorted.map((_, i) => i + 1).filter((k) => k === sorted.length || sorted[k - 1] !== sorted[k]);
              return fc.record({
                // Distinct multiples of 1e-4: a counterexample that picks the wrong value then shows it (0.0003 for 0.0007), not a
                // float a rounding away from the right one (shrunk doubles end as 1.00000005e-4 beside 1e-4).
                values: fc
                  .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: scores.length, maxLength: scores.length })
                  .map((ks) => ks.map((v) => v / 10_000)),
                scores: fc.constant(scores),
                k: fc.constantFrom(...ks),
              });
            }),
          holds: async ({ values, scores, k }, ctx) => {
            const order = values.map((_, i) => i).sort((i, j) => scores[j]! - scores[i]!);
            const best = order.slice(0, k).map((i) => values[i]!);
            const out = expectArray(await ctx.call('zoomIn', [values, scores, k]), 'zoomIn(values, scores, k)', 2);
            expectClose(out, [Math.min(...best), Math.max(...best)], '[lo, hi]', tolerance('exact'));
          },
        }),
      ],
    },
  ],
});
