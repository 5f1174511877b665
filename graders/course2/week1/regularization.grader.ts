/**
 * Grader: course 2, week 1 — Regularization (L2 and inverted dropout) on the
 * course's three-layer network LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID.
 *
 * Reductions are checked against the provided (plain) forward and backward pass,
 * computed here in plain JavaScript: λ = 0 is the plain cost and gradients,
 * keepProb = 1 is no dropout. Dropout masks come from np.random.seed(1), so the
 * reference outputs are reproducible; the dropout gradient check differentiates
 * the learner's own forward pass, whose masks stay fixed because it reseeds.
 */
import * as fc from 'fast-check';
import { dims } from '../../engine/arbitraries';
import { expectArray, expectClose, expectNumber, expectRecord, expectTensor, violated, Violation } from '../../engine/checks/violation';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { callOrThrow } from '../../engine/implementation';
import { formatNumber, map, matmul, nd, transpose2d, zip, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { scaleOf, tolerance } from '../../engine/tolerance';
import type { Value, ValueRecord } from '../../engine/values';
import { DROPOUT_KEEP, DROPOUT_POINT, drawPoint, L2_POINT, randomNet, type Net } from './net-inputs';

/**
 * What a dropout layer's mean activation, as a multiple of relu(Z)'s, points to — only when the ratio fits one
 * mistake (within 10%): keepProb (no division by keepProb), (1 − keepProb) / keepProb (the mask keeps the units it
 * should drop), 1 / keepProb (divided, but nothing dropped, or divided twice).
 */
function meanRatioHint(ratio: number, keepProb: number, l: number): string | undefined {
  const near = (target: number) => Math.abs(ratio / target - 1) <= 0.1;
  if (near(keepProb)) return `Dropping units lowers the mean activation by a factor keepProb; divide A${l} by keepProb after applying the mask to restore it.`;
  if (near((1 - keepProb) / keepProb)) return `The mask keeps about 1 − keepProb of the units: a unit is kept when its random number is below keepProb (rand < keepProb), not above it.`;
  if (near(1 / keepProb)) return `A${l} is divided by keepProb but about none of its units are dropped (or it is divided twice): multiply by the mask D${l} first, then divide by keepProb once.`;
  return undefined;
}

/** The plain-JS forward and backward passes: not in the learner edition, so only hidden checks load them. */
const oracle = () => import('./net.oracle');

const GRAD_KEYS = ['dZ3', 'dW3', 'db3', 'dA2', 'dZ2', 'dW2', 'db2', 'dA1', 'dZ1', 'dW1', 'db1'];
const DROPOUT_CACHE_NAMES = ['Z1', 'D1', 'A1', 'W1', 'b1', 'Z2', 'D2', 'A2', 'W2', 'b2', 'Z3', 'A3', 'W3', 'b3'];

/**
 * A three-layer network and data: nX inputs, n1 and n2 hidden units, one output,
 * m examples. Values are seeded normal draws (weights × 0.6), not fast-check
 * doubles: those cluster at 0 and at the bounds, where every ReLU sits on its kink.
 * The scale keeps |Z3| small, so σ(Z3) stays clear of 1 in float32.
 */
const netArb = fc.record({ sizes: dims({ nX: 4, n1: 5, n2: 4, m: 6 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }).map(({ sizes: { nX, n1, n2, m }, seed }) => {
  const s = new Seeded(seed);
  const X = s.randn([nX, m]);
  const Y = s.labels(m);
  const { W1, b1, W2, b2, W3, b3 } = randomNet(s, [nX, n1, n2, 1], 0.6) as Record<string, NdArray>;
  return { X, Y, W1: W1!, b1: b1!, W2: W2!, b2: b2!, W3: W3!, b3: b3! };
});

type NetInput = { X: NdArray; Y: NdArray; W1: NdArray; b1: NdArray; W2: NdArray; b2: NdArray; W3: NdArray; b3: NdArray };
const paramsOf = ({ W1, b1, W2, b2, W3, b3 }: NetInput): Net => ({ W1, b1, W2, b2, W3, b3 });

/** Large hidden layers, for the statistics of the dropout masks. */
const largeNetArb = fc
  .record({ nX: fc.integer({ min: 2, max: 5 }), n1: fc.integer({ min: 100, max: 140 }), n2: fc.integer({ min: 60, max: 90 }), m: fc.integer({ min: 80, max: 110 }), keepProb: fc.double({ min: 0.5, max: 0.8, noNaN: true }), seed: fc.integer({ min: 0, max: 1000 }) })
  .map(({ nX, n1, n2, m, keepProb, seed }) => {
    const s = new Seeded(seed);
    return { X: s.randn([nX, m]), params: randomNet(s, [nX, n1, n2, 1], 0.5), keepProb: Math.fround(keepProb) };
  });

const showLarge = ({ X, params, keepProb }: { X: NdArray; params: Net; keepProb: number }) =>
  `X [${X.shape.join(', ')}], W1 [${params.W1!.shape.join(', ')}], W2 [${params.W2!.shape.join(', ')}], keepProb = ${formatNumber(keepProb)}`;

async function regularizedCost(ctx: CheckContext, A3: NdArray, Y: NdArray, params: Net, lambd: number): Promise<number> {
  return expectNumber(await ctx.call('computeCostWithRegularization', [A3, Y, params as ValueRecord, lambd]), `computeCostWithRegularization(A3, Y, parameters, ${formatNumber(lambd)})`);
}

async function regularizedGrads(ctx: CheckContext, X: NdArray, Y: NdArray, params: Net, lambd: number): Promise<ValueRecord> {
  const { cacheTuple } = await oracle();
  return expectRecord(
    await ctx.call('backwardPropagationWithRegularization', [X, Y, cacheTuple(X, params), lambd]),
    `backwardPropagationWithRegularization(X, Y, cache, ${formatNumber(lambd)})`,
    GRAD_KEYS,
  );
}

/** The learner's dropout forward pass: [A3, the 14-item cache by name]. */
async function dropoutForward(ctx: CheckContext, X: NdArray, params: Net, keepProb: number): Promise<[NdArray, Record<string, NdArray>]> {
  const out = expectArray(await ctx.call('forwardPropagationWithDropout', [X, params as ValueRecord, keepProb]), 'forwardPropagationWithDropout(X, parameters, keepProb)', 2);
  const A3 = expectTensor(out[0]!, 'A3 (the first item returned)', [1, X.shape[1]!]);
  const cache = expectArray(out[1]!, 'the cache (the second item returned)', 14);
  const named: Record<string, NdArray> = {};
  DROPOUT_CACHE_NAMES.forEach((name, i) => (named[name] = expectTensor(cache[i]!, `cache item ${i} (${name})`)));
  return [A3, named];
}

/** An unseeded forward pass: masks that change from call to call, not the course's. */
const DROPOUT_SEED_HINT =
  'Call np.random.seed(1) at the start of forwardPropagationWithDropout, before drawing D1: without it the masks depend on whatever drew random numbers before, and change from call to call.';

const ones = (shape: number[]) => nd(new Array(shape[0]! * shape[1]!).fill(1), shape);

/** The gradient-check point for L2: kink-free for the plain forward pass (a pinned seed, see net-inputs.ts). */
const l2Point = drawPoint([...L2_POINT.dims], L2_POINT.m, L2_POINT.seed);
const L2_LAMBDA = 0.7;

/** The gradient-check point for dropout: kink-free for the forward pass with the seeded masks (a pinned seed). */
const dropoutPoint = drawPoint([...DROPOUT_POINT.dims], DROPOUT_POINT.m, DROPOUT_POINT.seed);

/** Random 0/1 masks and keepProb for the backward properties. */
const maskedNetArb = netArb.chain((net) =>
  fc.record({
    net: fc.constant(net),
    D1: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: net.W1.shape[0]! * net.X.shape[1]!, maxLength: net.W1.shape[0]! * net.X.shape[1]! }),
    D2: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: net.W2.shape[0]! * net.X.shape[1]!, maxLength: net.W2.shape[0]! * net.X.shape[1]! }),
    keepProb: fc.double({ min: 0.3, max: 0.9, noNaN: true }).map(Math.fround),
  }),
);

export default defineAssignment({
  id: 'course2/week1/regularization',
  title: 'Regularization',
  // The instructions: "Every function returns new tensors and records; leave its arguments unchanged." Records only:
  // a backward pass may walk its caches list reversed in place.
  argumentsUnchanged: 'records',
  exercises: [
    {
      name: 'computeCostWithRegularization',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const { forward } = await oracle();
            const s = new Seeded(1);
            return [
              [3, 4, 3, 5, 0.1],
              [2, 5, 2, 7, 0.7],
            ].map(([nX, n1, n2, m, lambd]) => {
              const X = s.randn([nX!, m!]);
              const p = randomNet(s, [nX!, n1!, n2!, 1]);
              return {
                name: `nX = ${nX}, n1 = ${n1}, n2 = ${n2}, m = ${m}, λ = ${lambd}`,
                args: [forward(X, p).A[3]!, s.labels(m!), p as ValueRecord, lambd!],
                constants: { m: m! },
              };
            });
          },
        }),
        property({
          name: 'λ = 0 is the plain cost',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'With λ = 0 the cost is the plain cross-entropy −(1/m)·Σ[y·log(a) + (1 − y)·log(1 − a)]',
          inputs: netArb,
          numRuns: 15,
          holds: async (net, ctx) => {
            const { crossEntropy, forward } = await oracle();
            const A3 = forward(net.X, paramsOf(net)).A[3]!;
            const cost = await regularizedCost(ctx, A3, net.Y, paramsOf(net), 0);
            expectClose(cost, crossEntropy(A3, net.Y), 'the cost with λ = 0', {}, { m: net.X.shape[1]! });
          },
        }),
        property({
          name: 'the L2 penalty',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'The cost with λ exceeds the cost with λ = 0 by exactly (λ / 2m)·(Σ W1² + Σ W2² + Σ W3²) — weights only, not biases',
          inputs: fc.record({ net: netArb, lambd: fc.double({ min: 0.1, max: 2, noNaN: true }) }),
          numRuns: 15,
          holds: async ({ net, lambd }, ctx) => {
            const { forward, sumSquares } = await oracle();
            const p = paramsOf(net);
            const A3 = forward(net.X, p).A[3]!;
            const m = net.X.shape[1]!;
            const withL = await regularizedCost(ctx, A3, net.Y, p, lambd);
            const penalty = withL - (await regularizedCost(ctx, A3, net.Y, p, 0));
            const expected = (lambd / (2 * m)) * (sumSquares(p.W1!) + sumSquares(p.W2!) + sumSquares(p.W3!));
            // A difference of two float32 costs: the floor is tied to the costs' scale, not the difference's.
            expectClose(penalty, expected, 'cost(λ) − cost(0)', tolerance('float32', { scale: scaleOf(withL) }), { m });
          },
        }),
      ],
    },
    {
      name: 'backwardPropagationWithRegularization',
      dependsOn: ['computeCostWithRegularization'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const { cacheTuple } = await oracle();
            const s = new Seeded(2);
            return [
              [3, 4, 3, 5, 0.7],
              [2, 3, 5, 6, 0.2],
            ].map(([nX, n1, n2, m, lambd]) => {
              const X = s.randn([nX!, m!]);
              const p = randomNet(s, [nX!, n1!, n2!, 1]);
              return { name: `nX = ${nX}, n1 = ${n1}, n2 = ${n2}, m = ${m}, λ = ${lambd}`, args: [X, s.labels(m!), cacheTuple(X, p), lambd!], constants: { m: m! } };
            });
          },
        }),
        property({
          name: 'λ = 0 is the plain backward pass',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'With λ = 0 the eleven gradients are those of the plain backward pass (dZ3 = A3 − Y, dW3 = (1/m)·dZ3·A2ᵀ, …, dZl = dAl ∗ (Al > 0))',
          inputs: netArb,
          numRuns: 15,
          holds: async (net, ctx) => {
            const g = await regularizedGrads(ctx, net.X, net.Y, paramsOf(net), 0);
            const { backward } = await oracle();
            expectClose(g, backward(net.X, net.Y, paramsOf(net)) as ValueRecord, 'the gradients with λ = 0', {}, { m: net.X.shape[1]! });
          },
        }),
        property({
          name: 'the penalty\'s gradient',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'Each dWl with λ exceeds dWl with λ = 0 by (λ/m)·Wl, and the biases\' gradients do not change',
          inputs: fc.record({ net: netArb, lambd: fc.double({ min: 0.1, max: 2, noNaN: true }) }),
          numRuns: 15,
          holds: async ({ net, lambd }, ctx) => {
            const p = paramsOf(net);
            const m = net.X.shape[1]!;
            const withL = await regularizedGrads(ctx, net.X, net.Y, p, lambd);
            const without = await regularizedGrads(ctx, net.X, net.Y, p, 0);
            const { sub } = await oracle();
            for (const l of [1, 2, 3]) {
              const W = p[`W${l}`]!;
              const diff = sub(expectTensor(withL[`dW${l}`]!, `dW${l}`, W.shape), expectTensor(without[`dW${l}`]!, `dW${l} with λ = 0`, W.shape));
              // A difference of two backward passes: the floor is tied to the gradients' scale, not the difference's.
              expectClose(diff, map(W, (w) => (lambd / m) * w), `dW${l}(λ) − dW${l}(0)`, tolerance('float32', { scale: scaleOf(withL[`dW${l}`]!, without[`dW${l}`]!) }), { m });
              expectClose(withL[`db${l}`]!, without[`db${l}`]!, `db${l} (compared with λ = 0)`);
            }
          },
        }),
        gradient({
          name: 'gradient check',
          points: 3,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          mode: 'entries',
          at: () => l2Point.params,
          cost: async (ctx, p) => regularizedCost(ctx, (await oracle()).forward(l2Point.X, p).A[3]!, l2Point.Y, p, L2_LAMBDA),
          gradients: async (ctx, p) => {
            const g = await regularizedGrads(ctx, l2Point.X, l2Point.Y, p, L2_LAMBDA);
            return { W1: g.dW1, b1: g.db1, W2: g.dW2, b2: g.db2, W3: g.dW3, b3: g.db3 };
          },
        }),
        property({
          name: 'matches the reference on random inputs',
          points: 1,
          hidden: true,
          claim: 'The gradients equal the reference solution\'s for random shapes, values and λ',
          inputs: fc.record({ net: netArb, lambd: fc.double({ min: 0, max: 3, noNaN: true }) }),
          numRuns: 15,
          holds: async ({ net, lambd }, ctx) => {
            const { cacheTuple } = await oracle();
            const args: Value[] = [net.X, net.Y, cacheTuple(net.X, paramsOf(net)), lambd];
            const expected = await callOrThrow(ctx.reference!, 'backwardPropagationWithRegularization', args);
            expectClose(await ctx.call('backwardPropagationWithRegularization', args), expected, 'grads', {}, { m: net.X.shape[1]! });
          },
        }),
      ],
    },
    {
      name: 'forwardPropagationWithDropout',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(3);
            const cases = [
              [3, 5, 4, 6, 0.7],
              [2, 3, 2, 10, 0.85],
              [4, 2, 3, 5, undefined],
            ].map(([nX, n1, n2, m, keepProb]) => {
              const X = s.randn([nX!, m!]);
              const p = randomNet(s, [nX!, n1!, n2!, 1]) as ValueRecord;
              return keepProb === undefined
                ? { name: `nX = ${nX}, n1 = ${n1}, n2 = ${n2}, m = ${m}, default keepProb (0.5)`, args: [X, p] }
                : { name: `nX = ${nX}, n1 = ${n1}, n2 = ${n2}, m = ${m}, keepProb = ${keepProb}`, args: [X, p, keepProb] };
            });
            return cases;
          },
        }),
        property({
          name: 'reproducible masks',
          points: 1,
          claim: 'Two calls with the same X, parameters and keepProb draw the same masks D1 and D2: the function calls np.random.seed(1) before drawing',
          inputs: netArb,
          numRuns: 5,
          holds: async (net, ctx) => {
            const p = paramsOf(net);
            const [, first] = await dropoutForward(ctx, net.X, p, 0.5);
            const [, second] = await dropoutForward(ctx, net.X, p, 0.5);
            try {
              expectClose(second.D1!, first.D1!, "the second call's D1 (compared with the first call's)", tolerance('exact'));
              expectClose(second.D2!, first.D2!, "the second call's D2 (compared with the first call's)", tolerance('exact'));
            } catch (err) {
              if (err instanceof Violation) violated(err.message, DROPOUT_SEED_HINT);
              throw err;
            }
          },
        }),
        property({
          name: 'keepProb = 1 is no dropout',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'With keepProb = 1 the masks D1 and D2 are all ones and A3 equals the plain forward pass\'s',
          inputs: netArb,
          numRuns: 15,
          holds: async (net, ctx) => {
            const p = paramsOf(net);
            const [A3, c] = await dropoutForward(ctx, net.X, p, 1);
            expectClose(c.D1!, ones(c.Z1!.shape), 'D1 with keepProb = 1');
            expectClose(c.D2!, ones(c.Z2!.shape), 'D2 with keepProb = 1');
            const { forward } = await oracle();
            expectClose(A3, forward(net.X, p).A[3]!, 'A3 with keepProb = 1 (compared with no dropout)');
          },
        }),
        property({
          name: 'the cache is consistent',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim:
            'D1 and D2 are 0/1 masks of the shapes of Z1 and Z2; the cache holds Z1 = W1·X + b1, A1 = relu(Z1) ∗ D1 / keepProb, ' +
            'Z2 = W2·A1 + b2, A2 = relu(Z2) ∗ D2 / keepProb, Z3 = W3·A2 + b3, A3 = σ(Z3) (the A3 returned), and the parameters',
          inputs: fc.record({ net: netArb, keepProb: fc.double({ min: 0.3, max: 0.95, noNaN: true }).map(Math.fround) }),
          numRuns: 15,
          holds: async ({ net, keepProb }, ctx) => {
            const p = paramsOf(net);
            const [A3, c] = await dropoutForward(ctx, net.X, p, keepProb);
            const { affine, relu, sigmoid } = await oracle();
            const { W1, b1, W2, b2, W3, b3 } = p as Record<string, NdArray>;
            for (const [k, v] of Object.entries({ W1, b1, W2, b2, W3, b3 })) expectClose(c[k]!, v!, `cache ${k}`);
            expectClose(c.Z1!, affine(W1!, net.X, b1!), 'cache Z1 (should be W1·X + b1)');
            for (const D of ['D1', 'D2'] as const) {
              const Z = c[D === 'D1' ? 'Z1' : 'Z2']!;
              expectTensor(c[D]!, `cache ${D}`, Z.shape);
              if (c[D]!.data.some((d) => d !== 0 && d !== 1)) violated(`${D} holds values other than 0 and 1: ${c[D]!.data.slice(0, 6).map(formatNumber).join(', ')}…`, `${D} is a 0/1 mask: 1 where np.random.rand(…) < keepProb, else 0 (not the random numbers themselves).`);
            }
            expectClose(c.A1!, zip(relu(c.Z1!), c.D1!, (a, d) => (a * d) / keepProb), 'cache A1 (should be relu(Z1) ∗ D1 / keepProb)');
            expectClose(c.Z2!, affine(W2!, c.A1!, b2!), 'cache Z2 (should be W2·A1 + b2, with the A1 after dropout)');
            expectClose(c.A2!, zip(relu(c.Z2!), c.D2!, (a, d) => (a * d) / keepProb), 'cache A2 (should be relu(Z2) ∗ D2 / keepProb)');
            expectClose(c.Z3!, affine(W3!, c.A2!, b3!), 'cache Z3 (should be W3·A2 + b3, with the A2 after dropout)');
            expectClose(c.A3!, sigmoid(c.Z3!), 'cache A3 (should be σ(Z3))');
            expectClose(A3, c.A3!, 'the A3 returned (compared with the cache\'s)');
          },
        }),
        property({
          name: 'keeps a fraction keepProb',
          points: 1,
          claim: 'On large hidden layers, the share of ones in D1 and in D2 is keepProb (within 0.03)',
          inputs: largeNetArb,
          numRuns: 4,
          show: showLarge,
          holds: async ({ X, params, keepProb }, ctx) => {
            const [, c] = await dropoutForward(ctx, X, params, keepProb);
            for (const D of ['D1', 'D2'] as const) {
              const kept = c[D]!.data.filter((d) => d === 1).length / c[D]!.data.length;
              if (Math.abs(kept - keepProb) > 0.03) {
                violated(
                  `${D} keeps ${formatNumber(kept * 100)}% of the units, but keepProb = ${formatNumber(keepProb)}.`,
                  `A unit is kept (D = 1) when np.random.rand(…) < keepProb, which happens with probability keepProb.`,
                );
              }
            }
          },
        }),
        property({
          name: 'preserves the expected activation',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'On large hidden layers, the mean of A1 after dropout is the mean of relu(Z1) (within 10%), and likewise for A2: inverted dropout divides by keepProb',
          inputs: largeNetArb,
          numRuns: 4,
          show: showLarge,
          holds: async ({ X, params, keepProb }, ctx) => {
            const [, c] = await dropoutForward(ctx, X, params, keepProb);
            const { relu } = await oracle();
            for (const l of [1, 2]) {
              const mean = (a: NdArray) => a.data.reduce((s, v) => s + v, 0) / a.data.length;
              const before = mean(relu(c[`Z${l}`]!));
              const after = mean(c[`A${l}`]!);
              const ratio = after / before;
              if (!(Math.abs(ratio - 1) <= 0.1)) {
                violated(
                  `the mean of A${l} after dropout is ${formatNumber(after)}, but the mean of relu(Z${l}) is ${formatNumber(before)}: ${formatNumber(ratio)}× as large (keepProb = ${formatNumber(keepProb)}).`,
                  meanRatioHint(ratio, keepProb, l),
                );
              }
            }
          },
        }),
      ],
    },
    {
      name: 'backwardPropagationWithDropout',
      dependsOn: ['forwardPropagationWithDropout'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async (ref) => {
            const s = new Seeded(4);
            return Promise.all(
              [
                [3, 5, 4, 6, 0.8],
                [2, 4, 3, 7, 0.6],
              ].map(async ([nX, n1, n2, m, keepProb]) => {
                const X = s.randn([nX!, m!]);
                const p = randomNet(s, [nX!, n1!, n2!, 1]) as ValueRecord;
                // The cache comes from the reference forward pass: always consistent, with the seeded masks.
                const [, cache] = (await callOrThrow(ref, 'forwardPropagationWithDropout', [X, p, keepProb!])) as Value[];
                return { name: `nX = ${nX}, n1 = ${n1}, n2 = ${n2}, m = ${m}, keepProb = ${keepProb}`, args: [X, s.labels(m!), cache!, keepProb!], constants: { m: m! } };
              }),
            );
          },
        }),
        property({
          name: 'keepProb = 1 is the plain backward pass',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'With masks of ones and keepProb = 1 the eleven gradients are those of the plain backward pass',
          inputs: netArb,
          numRuns: 15,
          holds: async (net, ctx) => {
            const p = paramsOf(net);
            const m = net.X.shape[1]!;
            const { backward, dropoutCache } = await oracle();
            const cache = dropoutCache(net.X, p, ones([p.W1!.shape[0]!, m]), ones([p.W2!.shape[0]!, m]), 1);
            const g = expectRecord(await ctx.call('backwardPropagationWithDropout', [net.X, net.Y, cache, 1]), 'backwardPropagationWithDropout(X, Y, cache, 1)', GRAD_KEYS);
            expectClose(g, backward(net.X, net.Y, p) as ValueRecord, 'the gradients with keepProb = 1', {}, { m });
          },
        }),
        property({
          name: 'dropped units get no gradient',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'dA1 and dA2 are 0 exactly where D1 and D2 dropped the unit and equal W2ᵀ·dZ2 / keepProb and W3ᵀ·dZ3 / keepProb where they kept it; dZ1 and dZ2 are 0 where the unit was dropped',
          inputs: maskedNetArb,
          numRuns: 15,
          show: ({ net, D1, D2, keepProb }) => `X [${net.X.shape.join(', ')}], W1 [${net.W1.shape.join(', ')}], W2 [${net.W2.shape.join(', ')}], D1 = ${JSON.stringify(D1)}, D2 = ${JSON.stringify(D2)}, keepProb = ${formatNumber(keepProb)}`,
          holds: async ({ net, D1, D2, keepProb }, ctx) => {
            const p = paramsOf(net);
            const m = net.X.shape[1]!;
            const masks = [nd(D1, [p.W1!.shape[0]!, m]), nd(D2, [p.W2!.shape[0]!, m])];
            const { dropoutCache } = await oracle();
            const cache = dropoutCache(net.X, p, masks[0]!, masks[1]!, keepProb);
            const g = expectRecord(await ctx.call('backwardPropagationWithDropout', [net.X, net.Y, cache, keepProb]), 'backwardPropagationWithDropout(X, Y, cache, keepProb)', GRAD_KEYS);
            for (const l of [2, 1]) {
              const D = masks[l - 1]!;
              const dA = expectTensor(g[`dA${l}`]!, `dA${l}`, D.shape);
              const dZ = expectTensor(g[`dZ${l}`]!, `dZ${l}`, D.shape);
              const dZnext = expectTensor(g[`dZ${l + 1}`]!, `dZ${l + 1}`, [p[`W${l + 1}`]!.shape[0]!, m]);
              const i = D.data.findIndex((d, j) => d === 0 && (dA.data[j] !== 0 || dZ.data[j] !== 0));
              if (i >= 0) {
                violated(
                  `unit ${Math.floor(i / m) + 1} of layer ${l} was dropped for example ${(i % m) + 1} (D${l} = 0 there), but dA${l} = ${formatNumber(dA.data[i]!)} and dZ${l} = ${formatNumber(dZ.data[i]!)} there, not 0.`,
                  `Multiply dA${l} by the mask D${l} from the cache: a unit that was silenced in the forward pass gets no gradient.`,
                );
              }
              const WtdZ = matmul(transpose2d(p[`W${l + 1}`]!), dZnext);
              expectClose(dA, zip(WtdZ, D, (v, d) => (v * d) / keepProb), `dA${l} (should be W${l + 1}ᵀ·dZ${l + 1} ∗ D${l} / keepProb)`);
            }
          },
        }),
        gradient({
          name: 'gradient check',
          points: 3,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          mode: 'entries',
          at: () => dropoutPoint.params,
          // The forward pass reseeds (np.random.seed(1)), so its masks are the same at every point.
          cost: async (ctx, p) => {
            const [A3] = await dropoutForward(ctx, dropoutPoint.X, p, DROPOUT_KEEP);
            return (await oracle()).crossEntropy(A3, dropoutPoint.Y);
          },
          gradients: async (ctx, p) => {
            const out = expectArray(await ctx.call('forwardPropagationWithDropout', [dropoutPoint.X, p as ValueRecord, DROPOUT_KEEP]), 'forwardPropagationWithDropout(X, parameters, keepProb)', 2);
            const g = expectRecord(
              await ctx.call('backwardPropagationWithDropout', [dropoutPoint.X, dropoutPoint.Y, out[1]!, DROPOUT_KEEP]),
              'backwardPropagationWithDropout(X, Y, cache, keepProb)',
              GRAD_KEYS,
            );
            return { W1: g.dW1, b1: g.db1, W2: g.dW2, b2: g.db2, W3: g.dW3, b3: g.db3 };
          },
        }),
        property({
          name: 'matches the reference on random inputs',
          points: 1,
          hidden: true,
          claim: 'The gradients equal the reference solution\'s for random shapes, values, masks and keepProb',
          inputs: maskedNetArb,
          numRuns: 15,
          holds: async ({ net, D1, D2, keepProb }, ctx) => {
            const p = paramsOf(net);
            const m = net.X.shape[1]!;
            const { dropoutCache } = await oracle();
            const cache = dropoutCache(net.X, p, nd(D1, [p.W1!.shape[0]!, m]), nd(D2, [p.W2!.shape[0]!, m]), keepProb);
            const args: Value[] = [net.X, net.Y, cache, keepProb];
            const expected = await callOrThrow(ctx.reference!, 'backwardPropagationWithDropout', args);
            expectClose(await ctx.call('backwardPropagationWithDropout', args), expected, 'grads', {}, { m });
          },
        }),
      ],
    },
  ],
});
