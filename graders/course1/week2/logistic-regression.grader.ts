/**
 * Grader: course 1, week 2 — logistic regression with a neural network mindset.
 */
import * as fc from 'fast-check';
import { flattenImages, loadCatDataset } from '../../../lib/datasets/images';
import { dim, dims, labels } from '../../engine/arbitraries';
import { expectArray, expectClose, expectNumber, expectRecord, expectTensor, violated } from '../../engine/checks/violation';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { callOrThrow } from '../../engine/implementation';
import { formatNumber as fmt, map, matmul, nd, transpose2d, zeros, type NdArray } from '../../engine/ndarray';
import { costsPlot, recordPlot } from '../../engine/report/plots';
import { Seeded } from '../../engine/seeded';
import { withinTolerance, type Tolerance } from '../../engine/compare';
import { scaleOf, tolerance } from '../../engine/tolerance';
import type { Value } from '../../engine/values';

/** The learner's propagate: its dw tensor, db and cost as numbers. */
async function propagate(ctx: CheckContext, w: NdArray, b: number, X: NdArray, Y: NdArray): Promise<{ dw: Value; db: number; cost: number }> {
  const out = expectRecord(await ctx.call('propagate', [w, b, X, Y]), 'propagate(w, b, X, Y)', ['grads', 'cost']);
  const grads = expectRecord(out.grads!, 'grads', ['dw', 'db']);
  return { dw: grads.dw!, db: expectNumber(grads.db!, 'grads.db'), cost: expectNumber(out.cost!, 'the cost') };
}

/** Multiples of 0.1 in [-limit, limit]: shrinking ends on readable counterexamples. */
const tenths = (limit: number) => fc.integer({ min: -10 * limit, max: 10 * limit }).map((k) => k / 10);

function tensor(shape: number[], limit = 2): fc.Arbitrary<NdArray> {
  const size = shape.reduce((a, b) => a * b, 1);
  return fc.array(tenths(limit), { minLength: size, maxLength: size }).map((v) => nd(v, shape));
}

/** w, b, X and Y for random sizes: nX ≤ 4 features, m ≤ 6 examples. */
const problemArb = dims({ nX: 4, m: 6 }).chain(({ nX, m }) =>
  fc.record({
    w: tensor([nX, 1], 1),
    b: tenths(1),
    X: tensor([nX, m]),
    Y: labels(m),
  }),
);

/** σ(wᵀX + b) in double precision, one value per example. */
// An activation within elementwise tolerance of 0.5 is too close to call: the float32 rounding of z, through σ' ≤ 1/4,
// can put a correct activation on either side of it.
const tooCloseToCall = (a: number) => withinTolerance(0.5, a, tolerance('elementwise'));

function activations(w: NdArray, b: number, X: NdArray): number[] {
  return matmul(transpose2d(w), X).data.map((z) => 1 / (1 + Math.exp(-(z + b))));
}

/**
 * Costs that merely never increase would accept a loop that never updates. Gradient descent on this convex cost
 * with step η ≤ 1/L (L ≤ (‖X‖²_F + m)/(4m), the bias counted as a row of ones) lowers it by at least (η/2)·‖g‖² in
 * its first step alone, g the gradient at the start: where that bound is clear of the cost's rounding, the cost after
 * 200 iterations must be below the first by at least that much.
 */
function expectDescent(costs: number[], w: NdArray, b: number, X: NdArray, Y: NdArray, learningRate: number, costTolerance: Tolerance): void {
  const [nX, m] = X.shape as [number, number];
  const lipschitz = (X.data.reduce((s, v) => s + v * v, 0) + m) / (4 * m);
  if (costs.length < 3 || learningRate * lipschitz > 1) return;
  const residual = activations(w, b, X).map((a, j) => a - Y.data[j]!);
  let squared = (residual.reduce((s, r) => s + r, 0) / m) ** 2;
  for (let i = 0; i < nX; i++) squared += (residual.reduce((s, r, j) => s + X.data[i * m + j]! * r, 0) / m) ** 2;
  const bound = (learningRate / 2) * squared;
  // A decrease the cost's own rounding could hide asks for nothing.
  if (withinTolerance(costs[0]!, costs[0]! - bound, costTolerance)) return;
  if (!(costs[2]! <= costs[0]! - bound)) {
    violated(
      `the cost goes from ${fmt(costs[0]!)} (iteration 0) to ${fmt(costs[2]!)} (iteration 200); gradient descent lowers it by at least ${fmt(bound)} in its first step alone here.`,
      'Each iteration computes the gradients of the current w and b (propagate inside the loop) and takes a step with them: w = w − learningRate·dw, b = b − learningRate·db.',
    );
  }
}

/**
 * The steps (changes of w and b) one iteration takes with learning rates α and 2α: the second is twice the first.
 * The same step both times is a learning rate the code does not read (a fixed number in its place).
 */
function expectLearningRateUsed(
  once: { dw: NdArray; db: number },
  twice: { dw: NdArray; db: number },
  alpha: number,
  scale: number,
  fn: string,
  rule: string,
): void {
  // w and b after a step, less w and b before: the difference cancels down to the step, so the floor is the parameters' scale.
  const tol = tolerance('float32', { scale });
  const doubled = [...once.dw.data, once.db].map((v) => 2 * v);
  const got = [...twice.dw.data, twice.db];
  if (doubled.every((v, i) => withinTolerance(v, got[i]!, tol))) return;
  const same = [...once.dw.data, once.db].every((v, i) => withinTolerance(v, got[i]!, tol));
  violated(
    `with learning rate ${fmt(alpha)} one iteration changes b by ${fmt(once.db)}; with learning rate ${fmt(2 * alpha)}, by ${fmt(twice.db)} (expected ${fmt(2 * once.db)}), and w changes ${same ? 'by the same amounts both times' : 'by amounts that are not twice the first'}.`,
    same
      ? `${fn} takes the same step whatever learningRate it is given: the learning rate is fixed somewhere (a number such as the example's 0.009 or 0.005 written in its place). Use the learningRate argument: ${rule}.`
      : `The step of one iteration is proportional to the learning rate: ${rule}.`,
  );
}

/** A fixed point for the gradient check: 4 features, 6 examples; b as a scalar array. */
const gradPoint = (() => {
  const s = new Seeded(35);
  return { X: s.randn([4, 6]), Y: s.labels(6), w: s.randn([4, 1], 0.5), b: s.randn([], 0.5) };
})();

/** The week's "cat" images, flattened and standardised as in the course. */
const catData = (() => {
  let data: { XTrain: NdArray; YTrain: NdArray; XTest: NdArray; YTest: NdArray } | undefined;
  return () => {
    if (!data) {
      const d = loadCatDataset();
      const train = flattenImages(d.trainX, d.trainShape);
      const test = flattenImages(d.testX, d.testShape);
      data = {
        XTrain: nd(train.data, train.shape),
        YTrain: nd(d.trainY, [1, d.trainY.length]),
        XTest: nd(test.data, test.shape),
        YTest: nd(d.testY, [1, d.testY.length]),
      };
    }
    return data;
  };
})();

const accuracy = (predictions: NdArray, Y: NdArray) => predictions.data.filter((p, i) => (p > 0.5 ? 1 : 0) === Y.data[i]).length / Y.data.length;

const PREDICT_HINT = "Predict 1 where A > 0.5 and 0 elsewhere, as numbers: tf.cast(tf.greater(A, 0.5), 'float32').";

export default defineAssignment({
  id: 'course1/week2/logistic-regression',
  title: 'Logistic regression with a neural network mindset',
  exercises: [
    {
      name: 'initializeWithZeros',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => {
            // A drawn size too: its hidden variant has another, which a table of the published answers cannot pass.
            const drawn = new Seeded(41).int(9, 30);
            return [3, 7, drawn].map((dim) => ({ name: `dim = ${dim}`, args: [dim] }));
          },
        }),
        property({
          name: 'zeros of the right shape',
          points: 1,
          claim: 'For any dim, w is a [dim, 1] column of zeros and b is the number 0',
          inputs: dim(12),
          numRuns: 8,
          holds: async (n, ctx) => {
            const p = expectRecord(await ctx.call('initializeWithZeros', [n]), 'initializeWithZeros(dim)', ['w', 'b']);
            expectTensor(p.w!, 'w', [n, 1]);
            expectClose(p.w!, zeros([n, 1]), 'w');
            if (expectNumber(p.b!, 'b') !== 0) violated(`b is ${fmt(expectNumber(p.b!, 'b'))}, not 0.`);
          },
        }),
      ],
    },
    {
      name: 'propagate',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(31);
            return [
              [3, 4],
              [5, 7],
            ].map(([nX, m]) => ({
              name: `nX = ${nX}, m = ${m}`,
              args: [s.randn([nX!, 1], 0.5), s.randn([1], 0.5).data[0]!, s.randn([nX!, m!]), s.labels(m!)],
              constants: { m: m! },
            }));
          },
        }),
        property({
          name: 'ln 2 at zero',
          points: 1,
          claim: 'With w = 0 and b = 0 every activation is ½: the cost is ln 2 ≈ 0.6931, db = (1/m)·Σ(½ − y) and dw = (1/m)·X·(½ − Y)ᵀ',
          inputs: problemArb,
          numRuns: 15,
          holds: async ({ X, Y }, ctx) => {
            const [nX, m] = X.shape as [number, number];
            const { dw, db, cost } = await propagate(ctx, zeros([nX, 1]), 0, X, Y);
            expectClose(cost, Math.LN2, 'the cost', {}, { m });
            const dZ = map(Y, (y) => 0.5 - y);
            expectClose(db, dZ.data.reduce((a, v) => a + v, 0) / m, 'db', {}, { m });
            expectTensor(dw, 'dw', [nX, 1]);
            expectClose(dw, map(matmul(X, transpose2d(dZ)), (v) => v / m), 'dw', {}, { m });
          },
        }),
        gradient({
          name: 'gradient check',
          points: 3,
          mode: 'entries',
          at: () => ({ w: gradPoint.w, b: gradPoint.b }),
          cost: async (ctx, p) => (await propagate(ctx, p.w!, p.b!.data[0]!, gradPoint.X, gradPoint.Y)).cost,
          gradients: async (ctx, p) => {
            const { dw, db } = await propagate(ctx, p.w!, p.b!.data[0]!, gradPoint.X, gradPoint.Y);
            return { w: dw, b: nd([db], p.b!.shape) };
          },
        }),
        property({
          name: 'matches the reference on random inputs',
          points: 1,
          hidden: true,
          claim: "The gradients and the cost equal the reference solution's for random shapes and values",
          inputs: problemArb,
          numRuns: 15,
          holds: async ({ w, b, X, Y }, ctx) => {
            const expected = await callOrThrow(ctx.reference!, 'propagate', [w, b, X, Y]);
            expectClose(await ctx.call('propagate', [w, b, X, Y]), expected, 'propagate(w, b, X, Y)', {}, { m: X.shape[1]! });
          },
        }),
      ],
    },
    {
      name: 'optimize',
      dependsOn: ['propagate'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(32);
            return [
              {
                name: 'nX = 3, m = 5, 250 iterations, learning rate 0.05',
                args: [s.randn([3, 1], 0.5), 0.3, s.randn([3, 5]), s.labels(5), 250, 0.05],
                constants: { m: 5 },
              },
              {
                name: 'nX = 2, m = 6, 101 iterations, learning rate 0.2, printCost false',
                args: [s.randn([2, 1], 0.5), -0.4, s.randn([2, 6]), s.labels(6), 101, 0.2, false],
                constants: { m: 6 },
              },
            ];
          },
        }),
        property({
          name: 'costs go down',
          points: 2,
          timeoutMs: 10_000,
          claim:
            'Over 300 iterations with learning rate 0.05, costs holds 3 values (iterations 0, 100 and 200), the first is the cost before any update, and they never increase',
          inputs: problemArb,
          numRuns: 10,
          holds: async ({ w, b, X, Y }, ctx) => {
            const out = expectRecord(await ctx.call('optimize', [w, b, X, Y, 300, 0.05]), 'optimize(…)', ['params', 'grads', 'costs']);
            const costs = expectArray(out.costs!, 'costs').map((c, i) => expectNumber(c, `costs[${i}]`));
            if (costs.length !== 3) {
              violated(
                `costs holds ${costs.length} values after 300 iterations, expected 3.`,
                costs.length === 0
                  ? 'Record the cost when i % 100 === 0 (iterations 0, 100 and 200) whether or not printCost is set: printCost only decides whether it is also printed.'
                  : 'Record the cost when i % 100 === 0: iterations 0, 100 and 200.',
              );
            }
            const { cost: initial } = await propagate(ctx, w, b, X, Y);
            // The standard costs[0] is held to is your own propagate's: an infinite one would match an infinite costs[0].
            if (!Number.isFinite(initial)) violated(`the cost propagate(w, b, X, Y) returns, which costs[0] is compared with, is not finite: ${fmt(initial)}.`);
            // The same cost computed twice in float32, perhaps in another order: a few roundings of its largest term each.
            const terms = activations(w, b, X).map((a, j) => -(Y.data[j] ? Math.log(a) : Math.log(1 - a)));
            const costTolerance = tolerance('elementwise', { scale: Math.max(1, ...terms.filter(Number.isFinite)) });
            if (!withinTolerance(initial, costs[0]!, costTolerance)) {
              violated(
                `costs[0] is ${fmt(costs[0]!)}, but the cost before any update is ${fmt(initial)}.`,
                'Record the cost of iteration 0, computed before the first update (i % 100 === 0).',
              );
            }
            costs.forEach((c, i) => {
              if (i > 0 && !(c <= costs[i - 1]! + 1e-5 * Math.max(1, costs[i - 1]!))) {
                violated(
                  `the cost goes up from ${fmt(costs[i - 1]!)} (iteration ${100 * (i - 1)}) to ${fmt(c)} (iteration ${100 * i}).`,
                  'Gradient descent subtracts the gradient: w = w − learningRate·dw, b = b − learningRate·db.',
                );
              }
            });
            expectDescent(costs, w, b, X, Y, 0.05, costTolerance);
            const params = expectRecord(out.params!, 'params', ['w', 'b']);
            expectTensor(params.w!, 'params.w', w.shape);
            expectNumber(params.b!, 'params.b');
          },
        }),
        property({
          name: 'steps scale with the learning rate',
          points: 1,
          claim: 'One iteration with learning rate 2α moves w and b twice as far as one iteration with learning rate α',
          inputs: fc.record({ problem: problemArb, alpha: fc.integer({ min: 1, max: 20 }).map((k) => k / 100) }),
          numRuns: 10,
          holds: async ({ problem: { w, b, X, Y }, alpha }, ctx) => {
            const step = async (rate: number) => {
              const out = expectRecord(await ctx.call('optimize', [w, b, X, Y, 1, rate]), `optimize(…) with learning rate ${fmt(rate)}`, ['params']);
              const params = expectRecord(out.params!, 'params', ['w', 'b']);
              const w1 = expectTensor(params.w!, 'params.w', w.shape);
              return { dw: map(w1, (v, i) => v - w.data[i]!), db: expectNumber(params.b!, 'params.b') - b };
            };
            const once = await step(alpha);
            const twice = await step(2 * alpha);
            expectLearningRateUsed(once, twice, alpha, scaleOf(w, b), 'optimize', 'w = w − learningRate·dw and b = b − learningRate·db');
          },
        }),
      ],
    },
    {
      name: 'predict',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(33);
            const X2 = s.randn([2, 6]);
            // Columns 1 and 4 are 0, so with b = 0 their activation is exactly 0.5: not above 0.5.
            const withZeros = map(X2, (v, i) => (i % 6 === 1 || i % 6 === 4 ? 0 : v));
            return [
              { name: 'nX = 3, m = 8', args: [s.randn([3, 1]), 0.2, s.randn([3, 8])] },
              { name: 'nX = 2, m = 6, b = 0, two columns of zeros', args: [s.randn([2, 1]), 0, withZeros] },
            ];
          },
        }),
        property({
          name: 'thresholds at 0.5',
          points: 1,
          claim: 'predict returns a [1, m] tensor of 0s and 1s: 1 exactly where σ(wᵀx + b) > 0.5',
          inputs: problemArb,
          numRuns: 15,
          holds: async ({ w, b, X }, ctx) => {
            const m = X.shape[1]!;
            const predictions = expectTensor(await ctx.call('predict', [w, b, X]), 'predict(w, b, X)', [1, m]);
            if (predictions.dtype === 'bool') violated('predict returned a bool tensor: the predictions are the numbers 0 and 1.', PREDICT_HINT);
            activations(w, b, X).forEach((a, i) => {
              const v = predictions.data[i]!;
              if (tooCloseToCall(a)) return;
              if (v !== (a > 0.5 ? 1 : 0)) {
                violated(`for example ${i}, σ(wᵀx + b) = ${fmt(a)} and the prediction is ${fmt(v)}, expected ${a > 0.5 ? 1 : 0}.`, PREDICT_HINT);
              }
            });
          },
        }),
        property({
          name: 'at and just around the threshold',
          points: 1,
          claim: 'With w = 0 every activation is σ(b): predict gives all 0s for b = 0 (σ = 0.5 exactly is not above 0.5), all 1s for any b in [0.001, 0.5] (σ just above 0.5) and all 0s for any b in [−0.5, −0.001]',
          inputs: fc.record({
            sizes: dims({ nX: 4, m: 6 }),
            above: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
            below: fc.double({ min: -0.5, max: -0.001, noNaN: true }),
          }).chain(({ sizes: { nX, m }, above, below }) => fc.record({ X: tensor([nX, m]), above: fc.constant(above), below: fc.constant(below) })),
          numRuns: 10,
          show: ({ X, above, below }) => `w = 0 [${X.shape[0]}, 1], X [${X.shape.join(', ')}], b = 0, then ${above}, then ${below}`,
          holds: async ({ X, above, below }, ctx) => {
            const m = X.shape[1]!;
            const w = zeros([X.shape[0]!, 1]);
            for (const b of [0, above, below]) {
              const predictions = expectTensor(await ctx.call('predict', [w, b, X]), `predict(w = 0, b = ${b}, X)`, [1, m]);
              const expected = b > 0 ? 1 : 0;
              const bad = predictions.data.findIndex((v) => v !== expected);
              if (bad >= 0) {
                violated(
                  `with w = 0 and b = ${b}, σ(wᵀx + b) = σ(${b}) = ${fmt(1 / (1 + Math.exp(-b)))} for every example, and the prediction for example ${bad} is ${fmt(predictions.data[bad]!)}, expected ${expected}.`,
                  'Threshold the activation A = σ(wᵀX + b) at 0.5, strictly (A > 0.5 gives 1), not the logit wᵀX + b.',
                );
              }
            }
          },
        }),
      ],
    },
    {
      name: 'model',
      dependsOn: ['initializeWithZeros', 'optimize', 'predict'],
      checks: [
        reference({
          name: 'short training run',
          points: 2,
          timeoutMs: 10_000,
          tolerance: tolerance('training'),
          cases: async () => {
            const s = new Seeded(34);
            return [
              {
                name: 'XTrain [4, 10], XTest [4, 5], 150 iterations, learning rate 0.1',
                args: [s.randn([4, 10]), s.labels(10), s.randn([4, 5]), s.labels(5), 150, 0.1],
              },
            ];
          },
        }),
        property({
          name: 'learns the cat images',
          points: 3,
          timeoutMs: 30_000,
          claim: 'Trained on the 209 cat / non-cat images for 300 iterations with learning rate 0.005, the model classifies at least 90% of the training images and 85% of the 50 test images correctly',
          inputs: fc.constant(null),
          numRuns: 1,
          show: () => 'loadCatDataset(), flattened and divided by 255; numIterations = 300, learningRate = 0.005',
          holds: async (_none, ctx) => {
            const { XTrain, YTrain, XTest, YTest } = catData();
            const out = expectRecord(await ctx.call('model', [XTrain, YTrain, XTest, YTest, 300, 0.005]), 'the result of model', [
              'costs',
              'YPredictionTest',
              'YPredictionTrain',
              'w',
              'b',
            ]);
            // The HTML report draws the costs (every 100 iterations), when they are numbers: the picture grades nothing.
            if (Array.isArray(out.costs) && out.costs.length && out.costs.every((c) => typeof c === 'number')) {
              recordPlot(ctx, costsPlot('Training cost of your model on the cat images', 'iteration', [{ name: 'your model', every: 100, costs: out.costs as number[] }]));
            }
            const train = expectTensor(out.YPredictionTrain!, 'YPredictionTrain', YTrain.shape);
            const test = expectTensor(out.YPredictionTest!, 'YPredictionTest', YTest.shape);
            const trainAccuracy = accuracy(train, YTrain);
            const testAccuracy = accuracy(test, YTest);
            if (trainAccuracy < 0.9 || testAccuracy < 0.85) {
              violated(
                `the trained model classifies ${(trainAccuracy * 100).toFixed(1)}% of the training images and ${(testAccuracy * 100).toFixed(1)}% of the test images correctly.`,
                'Check that model passes numIterations and learningRate on to optimize, and predicts with the trained w and b it returns.',
              );
            }
          },
        }),
        property({
          name: 'passes the learning rate on',
          points: 1,
          claim: 'Trained for 1 iteration from zeros, model with learning rate 2α returns a w and b twice those it returns with learning rate α',
          inputs: fc.record({
            train: dims({ nX: 4, m: 6 }).chain(({ nX, m }) => fc.record({ X: tensor([nX, m]), Y: labels(m) })),
            alpha: fc.integer({ min: 1, max: 20 }).map((k) => k / 100),
          }),
          numRuns: 5,
          holds: async ({ train: { X, Y }, alpha }, ctx) => {
            const step = async (rate: number) => {
              const out = expectRecord(await ctx.call('model', [X, Y, X, Y, 1, rate]), `model(…) with 1 iteration and learning rate ${fmt(rate)}`, ['w', 'b']);
              return { dw: expectTensor(out.w!, 'w', [X.shape[0]!, 1]), db: expectNumber(out.b!, 'b') };
            };
            const once = await step(alpha);
            const twice = await step(2 * alpha);
            expectLearningRateUsed(once, twice, alpha, 0, 'model', 'model passes its learningRate argument on to optimize');
          },
        }),
      ],
    },
  ],
});
