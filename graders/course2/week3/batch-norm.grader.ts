/**
 * Grader: course 2, week 3 — batch normalization: the forward and backward
 * passes of a batch-norm layer, the running averages kept for test time, and
 * batch norm at test time.
 */
import * as fc from 'fast-check';
import { dim, dims, tensor } from '../../engine/arbitraries';
import { expectArray, expectClose, expectRecord, expectTensor, violated } from '../../engine/checks/violation';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { withinTolerance } from '../../engine/compare';
import { callOrThrow } from '../../engine/implementation';
import { formatNumber, map, nd, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { scaleOf, tolerance } from '../../engine/tolerance';
import type { Value, ValueRecord } from '../../engine/values';

const CACHE_KEYS = ['Z', 'Znorm', 'mu', 'variance', 'gamma', 'epsilon'];

const HINTS = {
  batchStatistics: 'μ and σ² depend on every Z_ij: dZ = (1/m)/√(σ² + ε) ⊙ (m·dẐ − Σ_j dẐ − Ẑ ⊙ Σ_j dẐ ⊙ Ẑ), with dẐ = dout ⊙ γ.',
  // The mean's term is right (every row sums to 0); the variance's is absent, or has the wrong sign or Z − μ for Ẑ.
  varianceTerm:
    'The mean\'s term is right (each row of dZ sums to 0) but the variance\'s term is missing or wrong: it is −Ẑ ⊙ Σ_j (dẐ ⊙ Ẑ), with a minus sign and the normalised Ẑ on both sides (σ² depends on every Z_ij too): dZ = (1/m)/√(σ² + ε) ⊙ (m·dẐ − Σ_j dẐ − Ẑ ⊙ Σ_j dẐ ⊙ Ẑ), with dẐ = dout ⊙ γ.',
};

/** Per-row (per-unit) mean and biased variance of a [n, m] array, in double precision. */
function rowStats(Z: NdArray): { mean: number[]; variance: number[] } {
  const [n, m] = Z.shape as [number, number];
  const mean: number[] = [];
  const variance: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Z.data.slice(i * m, (i + 1) * m);
    const mu = row.reduce((a, b) => a + b, 0) / m;
    mean.push(mu);
    variance.push(row.reduce((a, b) => a + (b - mu) ** 2, 0) / m);
  }
  return { mean, variance };
}

/** The batch-norm cache of Z, computed in double precision, so backward checks do not depend on the learner's forward pass. */
function oracleCache(Z: NdArray, gamma: NdArray, epsilon: number): ValueRecord {
  const [n, m] = Z.shape as [number, number];
  const { mean, variance } = rowStats(Z);
  const Znorm = map(Z, (v, k) => {
    const i = Math.floor(k / m);
    return (v - mean[i]!) / Math.sqrt(variance[i]! + epsilon);
  });
  return { Z, Znorm, mu: nd(mean, [n, 1]), variance: nd(variance, [n, 1]), gamma, epsilon };
}

async function forward(ctx: CheckContext, Z: NdArray, gamma: NdArray, beta: NdArray, epsilon: number): Promise<[NdArray, ValueRecord]> {
  const out = expectArray(await ctx.call('batchnormForward', [Z, gamma, beta, epsilon]), 'batchnormForward(Z, gamma, beta, epsilon)', 2);
  const [n, m] = Z.shape as [number, number];
  const result = expectTensor(out[0]!, 'out (the first item batchnormForward returns)', [n, m]);
  return [result, expectRecord(out[1]!, 'cache (the second item batchnormForward returns)', CACHE_KEYS)];
}

async function backward(ctx: CheckContext, dout: NdArray, cache: ValueRecord): Promise<[NdArray, NdArray, NdArray]> {
  const [n, m] = dout.shape as [number, number];
  const out = expectArray(await ctx.call('batchnormBackward', [dout, cache]), 'batchnormBackward(dout, cache)', 3);
  return [
    expectTensor(out[0]!, 'dZ (the first item batchnormBackward returns)', [n, m]),
    expectTensor(out[1]!, 'dgamma (the second item batchnormBackward returns)', [n, 1]),
    expectTensor(out[2]!, 'dbeta (the third item batchnormBackward returns)', [n, 1]),
  ];
}

/** Z [n, m] (m ≥ 2) whose every unit (row) has a variance of at least 0.05, with γ and β. */
const bnInputs = dims({ n: 4, m: [2, 7] }).chain(({ n, m }) =>
  fc.record({
    Z: tensor([n, m], { min: -3, max: 3 }).filter((Z) => rowStats(Z).variance.every((v) => v >= 0.05)),
    gamma: tensor([n, 1], { min: -2, max: 2 }),
    beta: tensor([n, 1], { min: -2, max: 2 }),
  }),
);

/** Values with two decimals in [min, max]: generic, unlike the edge values (0, tiny, extreme) fast-check's doubles favour. */
function generic(shape: number[], min: number, max: number): fc.Arbitrary<NdArray> {
  const size = shape.reduce((a, b) => a * b, 1);
  return fc.array(fc.integer({ min: min * 100, max: max * 100 }), { minLength: size, maxLength: size }).map((v) => nd(v.map((x) => x / 100), shape));
}

/**
 * Generic Z (every unit with a variance of at least 0.05), γ with |γ| in [0.5, 2], and dout, for the backward pass's invariants.
 * m ≥ 3: with 2 examples Ẑ is ±1 whatever Z, so the output does not depend on Z, dZ is 0 up to rounding, and a wrong
 * dZ compared with it reads as a meaningless constant factor (thousands of times the rounding).
 */
const backwardInputs = dims({ n: 4, m: [3, 7] }).chain(({ n, m }) =>
  fc.record({
    Z: generic([n, m], -3, 3).filter((Z) => rowStats(Z).variance.every((v) => v >= 0.05)),
    gamma: fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 50, max: 200 })), { minLength: n, maxLength: n }).map((g) => nd(g.map(([neg, v]) => (neg ? -v : v) / 100), [n, 1])),
    dout: generic([n, m], -2, 2),
  }),
);

/** A fixed point for the gradient check: 3 units, 5 examples, and the weights R of the cost Σ out ⊙ R. */
const gradPoint = (() => {
  const s = new Seeded(41);
  return { Z: s.randn([3, 5], 1.5), gamma: s.randn([3, 1]), beta: s.randn([3, 1]), R: s.randn([3, 5]) };
})();
// Large enough next to the rows' variances (about 2) that where ε sits matters: √(σ² + ε) and √σ² + ε differ by
// about 10% here, where 1e-5 left a backward pass with ε outside the root within the check's tolerance.
const GRAD_EPSILON = 0.3;

function runningArb(n: number) {
  return fc.record({ mean: tensor([n, 1]), variance: tensor([n, 1], { min: 0.1, max: 3 }) });
}

export default defineAssignment({
  id: 'course2/week3/batch-norm',
  title: 'Batch normalization',
  // The instructions: "Every function returns new tensors and records; leave its arguments unchanged." Records only:
  // a backward pass may walk its caches list reversed in place.
  argumentsUnchanged: 'records',
  exercises: [
    {
      name: 'batchnormForward',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(42);
            return [
              { name: 'Z [3, 5], default epsilon', args: [s.randn([3, 5], 2), s.randn([3, 1]), s.randn([3, 1])], constants: { m: 5 } },
              { name: 'Z [4, 8] around 3, epsilon 0.5', args: [map(s.randn([4, 8]), (v) => 3 + v), s.randn([4, 1]), s.randn([4, 1]), 0.5], constants: { m: 8 } },
              { name: 'Z [2, 6], epsilon 0.001', args: [s.randn([2, 6], 0.5), s.randn([2, 1]), s.randn([2, 1]), 1e-3], constants: { m: 6 } },
              // A spread as small as ε itself: √(σ² + ε), √σ² and √(σ² + 1e-5) (a fixed ε) differ by large factors here,
              // where elsewhere σ² ≫ ε hides which ε was added.
              { name: 'Z [3, 6] of tiny spread (σ² ≈ 1e-5), epsilon 0.001', args: [s.randn([3, 6], 0.003), s.randn([3, 1]), s.randn([3, 1]), 1e-3], constants: { m: 6 } },
            ];
          },
        }),
        property({
          name: 'per-unit mean β and spread |γ|',
          points: 3,
          claim:
            'For any Z [n, m], each unit (row) of out has mean β_i and standard deviation |γ_i|·√(σ_i² / (σ_i² + ε)), where σ_i² is the mean of (Z_ij − μ_i)² over the m examples (epsilon 1e-5)',
          inputs: bnInputs,
          holds: async ({ Z, gamma, beta }, ctx) => {
            const [n, m] = Z.shape as [number, number];
            const [out, cache] = await forward(ctx, Z, gamma, beta, 1e-5);
            expectTensor(cache.mu!, 'cache.mu', [n, 1]);
            expectTensor(cache.variance!, 'cache.variance', [n, 1]);
            const stats = rowStats(out);
            const { variance } = rowStats(Z);
            // A row's mean and spread cancel far below out's values: the floor is tied to out's scale.
            const tol = tolerance('float32', { scale: scaleOf(out) });
            expectClose(nd(stats.mean, [n, 1]), beta, 'the mean of each row of out', tol);
            const expectedStd = variance.map((v, i) => Math.abs(gamma.data[i]!) * Math.sqrt(v / (v + 1e-5)));
            expectClose(nd(stats.variance.map(Math.sqrt), [n, 1]), nd(expectedStd, [n, 1]), 'the standard deviation of each row of out', tol, { m });
          },
        }),
      ],
    },
    {
      name: 'batchnormBackward',
      dependsOn: ['batchnormForward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async (ref) => {
            const s = new Seeded(43);
            return Promise.all(
              [
                [3, 6, 1e-5],
                [5, 4, 0.1],
                // ε of the order of the variances: where it sits in the backward pass shows.
                [4, 5, 0.5],
              ].map(async ([n, m, epsilon]) => {
                const Z = s.randn([n!, m!], 2);
                const [, cache] = (await callOrThrow(ref, 'batchnormForward', [Z, s.randn([n!, 1]), s.randn([n!, 1]), epsilon!])) as Value[];
                return { name: `n = ${n}, m = ${m}, epsilon ${epsilon}`, args: [s.randn([n!, m!]), cache!], constants: { m: m! } };
              }),
            );
          },
        }),
        gradient({
          name: 'gradient check',
          points: 3,
          mode: 'entries',
          at: () => ({ Z: gradPoint.Z, gamma: gradPoint.gamma, beta: gradPoint.beta }),
          cost: async (ctx, p) => {
            const [out] = await forward(ctx, p.Z!, p.gamma!, p.beta!, GRAD_EPSILON);
            return out.data.reduce((sum, v, k) => sum + v * gradPoint.R.data[k]!, 0);
          },
          gradients: async (ctx, p) => {
            const [, cache] = await forward(ctx, p.Z!, p.gamma!, p.beta!, GRAD_EPSILON);
            const [dZ, dgamma, dbeta] = await backward(ctx, gradPoint.R, cache);
            return { Z: dZ, gamma: dgamma, beta: dbeta };
          },
        }),
        property({
          name: 'dZ sums to zero per unit',
          points: 2,
          claim:
            'Shifting or scaling a unit\'s inputs Z_i· does not change its output, so each row of dZ sums to 0 and is orthogonal to the row of Ẑ: Σ_j dZ_ij = 0 and Σ_j dZ_ij·Ẑ_ij = 0',
          inputs: backwardInputs,
          holds: async ({ Z, gamma, dout }, ctx) => {
            const [n, m] = Z.shape as [number, number];
            const cache = oracleCache(Z, gamma, 1e-5);
            const Znorm = cache.Znorm as NdArray;
            const [dZ] = await backward(ctx, dout, cache);
            for (let i = 0; i < n; i++) {
              const row = dZ.data.slice(i * m, (i + 1) * m);
              // float32 noise is relative to the incoming gradient, dẐ/√(σ² + ε), as much as to dZ itself.
              const std = Math.sqrt((cache.variance as NdArray).data[i]! + 1e-5);
              const incoming = dout.data.slice(i * m, (i + 1) * m).reduce((a, b) => a + Math.abs(b * gamma.data[i]!), 0) / std;
              const scale = row.reduce((a, b) => a + Math.abs(b), 0) + incoming + 1e-6;
              const sum = row.reduce((a, b) => a + b, 0);
              const dot = row.reduce((a, b, j) => a + b * Znorm.data[i * m + j]!, 0);
              // Both are 0 up to the rounding of a backward pass over terms of that scale (the dot product's terms are also weighted by Ẑ: twice the scale).
              const sumZero = withinTolerance(0, sum, tolerance('backward', { scale }));
              if (!sumZero || !withinTolerance(0, dot, tolerance('backward', { scale: 2 * scale }))) {
                violated(
                  `row ${i} of dZ sums to ${formatNumber(sum)} and its dot product with Ẑ is ${formatNumber(dot)} (the row's |dZ| adds up to ${formatNumber(scale)})${sumZero ? ': the sum is 0, the dot product is not' : ''}.`,
                  // Sums to 0 but not orthogonal to Ẑ: the mean's term is there, the variance's (which removes the Ẑ direction) is not.
                  sumZero ? HINTS.varianceTerm : HINTS.batchStatistics,
                );
              }
            }
          },
        }),
        property({
          name: 'matches the reference on random inputs',
          points: 1,
          hidden: true,
          claim: 'dZ, dgamma and dbeta equal the reference solution\'s for random shapes, values and ε',
          inputs: fc.record({ input: backwardInputs, epsilon: fc.constantFrom(1e-5, 0.1, 0.5) }).map(({ input, epsilon }) => ({ ...input, epsilon })),
          numRuns: 15,
          holds: async ({ Z, gamma, dout, epsilon }, ctx) => {
            const cache = oracleCache(Z, gamma, epsilon);
            const expected = await callOrThrow(ctx.reference!, 'batchnormBackward', [dout, cache]);
            expectClose(await ctx.call('batchnormBackward', [dout, cache]), expected, '[dZ, dgamma, dbeta]', tolerance('backward', { scale: scaleOf(expected) }), { m: Z.shape[1]! });
          },
        }),
      ],
    },
    {
      name: 'updateRunningAverages',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(44);
            const running = () => ({ mean: s.randn([4, 1]), variance: s.uniform([4, 1], 0.2, 2) });
            return [
              { name: 'n = 4, momentum 0.8', args: [running(), s.randn([4, 1]), s.uniform([4, 1], 0.2, 2), 0.8] },
              { name: 'n = 4, default momentum', args: [running(), s.randn([4, 1]), s.uniform([4, 1], 0.2, 2)] },
            ];
          },
        }),
        property({
          name: 'momentum 1 keeps, momentum 0 replaces',
          points: 1,
          claim: 'With momentum 1 the running statistics come back unchanged; with momentum 0 they become the batch\'s μ and σ²',
          inputs: dim(5).chain((n) => fc.record({ running: runningArb(n), mu: tensor([n, 1]), variance: tensor([n, 1], { min: 0.1, max: 3 }) })),
          numRuns: 15,
          holds: async ({ running, mu, variance }, ctx) => {
            expectClose(await ctx.call('updateRunningAverages', [running, mu, variance, 1]), running, 'with momentum 1, the result');
            expectClose(await ctx.call('updateRunningAverages', [running, mu, variance, 0]), { mean: mu, variance }, 'with momentum 0, the result');
          },
        }),
      ],
    },
    {
      name: 'batchnormInference',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(45);
            return [
              {
                name: 'Z [3, 4], epsilon 0.001',
                args: [s.randn([3, 4], 2), s.randn([3, 1]), s.randn([3, 1]), { mean: s.randn([3, 1]), variance: s.uniform([3, 1], 0.3, 3) }, 1e-3],
              },
              {
                name: 'Z [2, 1] (one example), default epsilon',
                args: [s.randn([2, 1], 2), s.randn([2, 1]), s.randn([2, 1]), { mean: s.randn([2, 1]), variance: s.uniform([2, 1], 0.3, 3) }],
              },
              {
                // ε comparable to the variances: where ε goes (inside the square root, or added to it) shows.
                name: 'Z [4, 3], running variances 0.002 to 0.02, epsilon 0.01',
                args: [s.randn([4, 3], 0.1), s.randn([4, 1]), s.randn([4, 1]), { mean: s.randn([4, 1], 0.1), variance: s.uniform([4, 1], 0.002, 0.02) }, 0.01],
              },
            ];
          },
        }),
        property({
          name: 'normalises with the running statistics',
          points: 2,
          claim: 'For any Z [n, m], the result is γ ⊙ (Z − mean) / √(variance + ε) + β with the running mean and variance (epsilon 1e-3), whatever the batch\'s own statistics',
          inputs: dims({ n: 4, m: 5 }).chain(({ n, m }) =>
            fc.record({ Z: tensor([n, m]), gamma: tensor([n, 1]), beta: tensor([n, 1]), running: runningArb(n) }),
          ),
          holds: async ({ Z, gamma, beta, running }, ctx) => {
            const m = Z.shape[1]!;
            const expected = map(Z, (v, k) => {
              const i = Math.floor(k / m);
              return (gamma.data[i]! * (v - running.mean.data[i]!)) / Math.sqrt(running.variance.data[i]! + 1e-3) + beta.data[i]!;
            });
            // γ·ẑ + β can cancel: the floor is tied to both terms (|γ·ẑ| ≤ |result| + |β|).
            expectClose(await ctx.call('batchnormInference', [Z, gamma, beta, running, 1e-3]), expected, 'batchnormInference(Z, gamma, beta, running, 0.001)', tolerance('float32', { scale: scaleOf(expected, beta) }));
          },
        }),
        property({
          name: 'one example at a time',
          points: 1,
          claim: 'At test time each example is normalised on its own: every column of the result is the same whether that example comes alone (m = 1) or in the batch',
          inputs: dims({ n: 4, m: [2, 5] }).chain(({ n, m }) =>
            fc.record({ Z: tensor([n, m]), gamma: tensor([n, 1]), beta: tensor([n, 1]), running: runningArb(n) }),
          ),
          numRuns: 10,
          holds: async ({ Z, gamma, beta, running }, ctx) => {
            const [n, m] = Z.shape as [number, number];
            const all = expectTensor(await ctx.call('batchnormInference', [Z, gamma, beta, running]), 'batchnormInference of the batch', [n, m]);
            for (let j = 0; j < m; j++) {
              const column = nd(Array.from({ length: n }, (_, i) => Z.data[i * m + j]!), [n, 1]);
              const alone = expectTensor(await ctx.call('batchnormInference', [column, gamma, beta, running]), `batchnormInference of example ${j} alone`, [n, 1]);
              const inBatch = nd(Array.from({ length: n }, (_, i) => all.data[i * m + j]!), [n, 1]);
              // Tied to the whole batch's scale (and β's, for a column where γ·ẑ + β cancels).
              expectClose(alone, inBatch, `example ${j} alone (compared with its column in the batch)`, tolerance('float32', { scale: scaleOf(all, beta) }));
            }
          },
        }),
      ],
    },
  ],
});
