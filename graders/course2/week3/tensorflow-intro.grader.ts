/**
 * Grader: course 2, week 3 — softmax, cross-entropy and a 3-layer classifier
 * trained with TensorFlow.js variables and the Adam optimizer.
 */
import * as fc from 'fast-check';
import { flattenSigns, loadSignsDataset, SIGNS_CLASSES } from '../../../lib/datasets/signs';
import { dim, dims, distinctSizes, tensor } from '../../engine/arbitraries';
import { expectArray, expectClose, expectNumber, expectRecord, expectScalar, expectTensor, violated } from '../../engine/checks/violation';
import { compareValues, withinTolerance } from '../../engine/compare';
import { defineAssignment, property, reference, type CheckContext } from '../../engine/define';
import { formatShape, map, matmul, nd, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { scaleOf, tolerance } from '../../engine/tolerance';
import type { ValueRecord } from '../../engine/values';
import { tfOracle } from '../../engine/oracle';

// ---------------------------------------------------------------------------
// Oracles in plain double-precision math, independent of TensorFlow.js.
// ---------------------------------------------------------------------------

/** Column-wise softmax of a [C, m] array, computed stably in double precision. */
function softmaxColumns(Z: NdArray): NdArray {
  const [C, m] = Z.shape as [number, number];
  const out = new Array<number>(C * m);
  for (let j = 0; j < m; j++) {
    let max = -Infinity;
    for (let i = 0; i < C; i++) max = Math.max(max, Z.data[i * m + j]!);
    let sum = 0;
    for (let i = 0; i < C; i++) sum += Math.exp(Z.data[i * m + j]! - max);
    for (let i = 0; i < C; i++) out[i * m + j] = Math.exp(Z.data[i * m + j]! - max) / sum;
  }
  return nd(out, [C, m]);
}

/** −(1/m) Σ_j Σ_i y_ij · log softmax(z)_ij, with log-sum-exp (what tf.losses.softmaxCrossEntropy computes). */
function crossEntropy(Z: NdArray, Y: NdArray): number {
  const [C, m] = Z.shape as [number, number];
  let total = 0;
  for (let j = 0; j < m; j++) {
    let max = -Infinity;
    for (let i = 0; i < C; i++) max = Math.max(max, Z.data[i * m + j]!);
    let sum = 0;
    for (let i = 0; i < C; i++) sum += Math.exp(Z.data[i * m + j]! - max);
    const lse = max + Math.log(sum);
    for (let i = 0; i < C; i++) total -= Y.data[i * m + j]! * (Z.data[i * m + j]! - lse);
  }
  return total / m;
}

/** A one-hot [C, m] matrix of labels. */
function oneHotColumns(labels: readonly number[], C: number): NdArray {
  const m = labels.length;
  const out = new Array<number>(C * m).fill(0);
  labels.forEach((c, j) => (out[c * m + j] = 1));
  return nd(out, [C, m]);
}

const STABLE_SOFTMAX_HINT = 'exp of large logits overflows to Infinity: subtract each column\'s maximum (tf.max(Z, 0, true)) before tf.exp.';
// A softmax column in float32 is a few roundings per entry and one short sum: its entries are at most 1 and its sum is 1
// up to a few u, whatever way the learner computes it (summed here in float64).
const nearOne = (x: number) => withinTolerance(1, x, tolerance('elementwise'));

/**
 * Whether a cost is the cross-entropy of Z within float32 rounding: each example's loss is a few float32 operations
 * (max, subtract, exp, log) on logits of up to max|Z|, so the floor is tied to that scale; the mean does not grow it.
 */
const costIsRight = (cost: number, Z: NdArray, Y: NdArray) => Number.isFinite(cost) && withinTolerance(crossEntropy(Z, Y), cost, tolerance('elementwise', { scale: scaleOf(Z) }));

/** Logits [4, 5] of moderate size, with their labels: a cost right here is right for moderate logits. */
const MODERATE = (() => {
  const s = new Seeded(34);
  return { Z: s.randn([4, 5], 1.5), Y: oneHotColumns([2, 0, 3, 1, 2], 4) };
})();

const ONE_HOT_FLOAT_HINT = "tf.oneHot gives int32: cast the result to float32 (.toFloat() or tf.cast(…, 'float32')), the dtype the cost's labels are.";

const STABLE_COST_HINT = 'tf.log(softmax(Z)) is −∞ where softmax underflows to 0 (large logits): use tf.losses.softmaxCrossEntropy or tf.logSoftmax.';

type Net = Record<'W1' | 'b1' | 'W2' | 'b2' | 'W3' | 'b3', NdArray>;
const PARAM_KEYS = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'];

function addBias(Z: NdArray, b: NdArray): NdArray {
  const m = Z.shape[1]!;
  return map(Z, (v, k) => v + b.data[Math.floor(k / m)]!);
}

/** LINEAR → RELU → LINEAR → RELU → LINEAR, in double precision: the logits Z3. */
function forwardNet(X: NdArray, p: Net): NdArray {
  const relu = (a: NdArray) => map(a, (v) => Math.max(0, v));
  const A1 = relu(addBias(matmul(p.W1, X), p.b1));
  const A2 = relu(addBias(matmul(p.W2, A1), p.b2));
  return addBias(matmul(p.W3, A2), p.b3);
}

/** Share of columns whose largest logit is the label's class. */
function accuracyOf(Z: NdArray, labels: readonly number[]): number {
  const [C, m] = Z.shape as [number, number];
  let correct = 0;
  for (let j = 0; j < m; j++) {
    let best = 0;
    for (let i = 1; i < C; i++) if (Z.data[i * m + j]! > Z.data[best * m + j]!) best = i;
    if (best === labels[j]) correct++;
  }
  return correct / m;
}

function randomNet(s: Seeded, dims: number[], scale = 0.7): Net {
  const net: Record<string, NdArray> = {};
  for (let l = 1; l <= 3; l++) {
    net[`W${l}`] = s.randn([dims[l]!, dims[l - 1]!], scale);
    net[`b${l}`] = s.randn([dims[l]!, 1], scale);
  }
  return net as Net;
}

function seededLabels(s: Seeded, m: number, C: number): number[] {
  // Every class at least once when m ≥ C, in a seeded order.
  const u = s.uniform([m]).data;
  return u.map((v, j) => (j < C ? j : Math.floor(v * C)));
}

// ---------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------

/** C classes, m examples, logits and one-hot labels. */
const logitsAndLabels = (range: { min: number; max: number }) =>
  dims({ C: [2, 6], m: 6 }).chain(({ C, m }) =>
    fc.record({
      Z: tensor([C, m], range),
      labels: fc.array(fc.integer({ min: 0, max: C - 1 }), { minLength: m, maxLength: m }),
      C: fc.constant(C),
    }),
  );

const netArb = dims({ nX: 5, n1: 5, n2: 4, C: [2, 4], m: 5 }).chain(({ nX, n1, n2, C, m }) =>
  fc.record({
    X: tensor([nX, m]),
    W1: tensor([n1, nX]),
    b1: tensor([n1, 1]),
    W2: tensor([n2, n1]),
    b2: tensor([n2, 1]),
    W3: tensor([C, n2]),
    b3: tensor([C, 1]),
  }),
);

// ---------------------------------------------------------------------------
// The training checks
// ---------------------------------------------------------------------------

/** The "learns the signs" run: the signs dataset's defaults, a few epochs of Adam. */
const SIGNS_RUN = { learningRate: 0.01, numEpochs: 8, minibatchSize: 32, minTrain: 0.9, minTest: 0.85 };

const signs = (() => {
  let cached: { XTrain: NdArray; YTrain: NdArray; XTest: NdArray; YTest: NdArray; trainLabels: number[]; testLabels: number[] } | undefined;
  return () => {
    if (!cached) {
      const d = loadSignsDataset();
      const train = flattenSigns(d.trainX, d.trainShape);
      const test = flattenSigns(d.testX, d.testShape);
      cached = {
        XTrain: nd(train.data, train.shape),
        YTrain: oneHotColumns(d.trainY, SIGNS_CLASSES),
        XTest: nd(test.data, test.shape),
        YTest: oneHotColumns(d.testY, SIGNS_CLASSES),
        trainLabels: d.trainY,
        testLabels: d.testY,
      };
    }
    return cached;
  };
})();

type Trained = { parameters: Net; trainAccuracy: number; testAccuracy: number; costs: number[] };

async function trainModel(ctx: CheckContext, args: [NdArray, NdArray, NdArray, NdArray, number, number, number], C: number): Promise<Trained> {
  const [XTrain, , , , learningRate, numEpochs, minibatchSize] = args;
  const what = `model(XTrain, YTrain, XTest, YTest, ${learningRate}, ${numEpochs}, ${minibatchSize})`;
  const out = expectRecord(await ctx.call('model', args), `what ${what} returns`, ['parameters', 'trainAccuracy', 'testAccuracy', 'costs']);
  const params = expectRecord(out.parameters!, 'parameters', PARAM_KEYS);
  const dims = [XTrain.shape[0]!, 25, 12, C];
  const parameters: Record<string, NdArray> = {};
  for (let l = 1; l <= 3; l++) {
    parameters[`W${l}`] = expectTensor(params[`W${l}`]!, `parameters.W${l}`, [dims[l]!, dims[l - 1]!]);
    parameters[`b${l}`] = expectTensor(params[`b${l}`]!, `parameters.b${l}`, [dims[l]!, 1]);
  }
  const costs = expectArray(out.costs!, 'costs').map((c, i) => expectNumber(c, `costs[${i}]`));
  return {
    parameters: parameters as Net,
    trainAccuracy: expectNumber(out.trainAccuracy!, 'trainAccuracy'),
    testAccuracy: expectNumber(out.testAccuracy!, 'testAccuracy'),
    costs,
  };
}

export default defineAssignment({
  id: 'course2/week3/tensorflow-intro',
  title: 'Softmax and a TensorFlow.js classifier',
  exercises: [
    {
      name: 'softmax',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(31);
            return [
              { name: 'Z [4, 7]', args: [s.randn([4, 7], 2)] },
              { name: 'Z [3, 1]', args: [s.randn([3, 1])] },
              { name: 'Z [5, 3], logits near ±1000', args: [s.randn([5, 3], 1000)] },
            ];
          },
        }),
        property({
          name: 'columns are distributions',
          points: 2,
          claim: 'For any Z [C, m], softmax(Z) is [C, m], every value is in [0, 1] and every column (one example) sums to 1',
          inputs: dims({ C: 6, m: 6 }).chain(({ C, m }) => tensor([C, m], { min: -5, max: 5 })),
          holds: async (Z, ctx) => {
            const [C, m] = Z.shape as [number, number];
            const A = expectTensor(await ctx.call('softmax', [Z]), 'softmax(Z)', [C, m]);
            const bad = A.data.find((a) => !(a >= 0 && (a <= 1 || nearOne(a))));
            if (bad !== undefined) violated(`softmax(Z) holds the value ${bad}, outside [0, 1].`);
            for (let j = 0; j < m; j++) {
              let sum = 0;
              for (let i = 0; i < C; i++) sum += A.data[i * m + j]!;
              if (!nearOne(sum)) {
                violated(
                  `column ${j} of softmax(Z) sums to ${sum}.`,
                  'The classes are the rows and the examples the columns: normalise each column, e.g. tf.sum(e, 0, true) (tf.softmax works over the last axis, the examples here).',
                );
              }
            }
          },
        }),
        property({
          name: 'stable and shift-invariant',
          points: 2,
          claim:
            'Adding the same number (up to ±1000) to every logit of a column does not change that column of softmax(Z), and no value is NaN or infinite: subtract each column\'s largest logit before tf.exp',
          inputs: dims({ C: [2, 5], m: 5 }).chain(({ C, m }) =>
            fc.record({ Z: tensor([C, m], { min: -5, max: 5 }), shifts: fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: m, maxLength: m }) }),
          ),
          numRuns: 15,
          holds: async ({ Z, shifts }, ctx) => {
            const m = Z.shape[1]!;
            const shifted = map(Z, (v, k) => v + shifts[k % m]!);
            const A = expectTensor(await ctx.call('softmax', [shifted]), 'softmax(Z + shift)', Z.shape);
            const expected = softmaxColumns(Z);
            if (A.data.every(Number.isFinite) && withinTolerance(expected, A, tolerance())) return;
            // Is it the shift? The unshifted logits tell.
            const plain = await ctx.call('softmax', [Z]);
            const plainOk = withinTolerance(expected, plain, tolerance());
            if (!plainOk) violated('softmax(Z) is wrong even without a shift: see the other checks of softmax first.');
            const nonFinite = A.data.filter((a) => !Number.isFinite(a)).length;
            violated(
              nonFinite
                ? `softmax(Z + shift) holds ${nonFinite} NaN or infinite value${nonFinite > 1 ? 's' : ''}.`
                : `softmax(Z + shift) differs from softmax(Z) (${compareValues(expected, A, tolerance())!.message})`,
              STABLE_SOFTMAX_HINT,
            );
          },
        }),
      ],
    },
    {
      name: 'oneHot',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => [
            { name: 'C = 4, m = 6', args: [nd([1, 2, 3, 0, 2, 1], [6], 'int32'), 4] },
            { name: 'C = 7, m = 5, not every class present', args: [nd([0, 3, 1, 3, 2], [5], 'int32'), 7] },
            // Drawn too: its hidden variant has other labels, which a table of the published answers cannot pass.
            (() => {
              const s = new Seeded(41);
              const [C, m] = [s.int(3, 9), s.int(4, 9)];
              return { name: `C = ${C}, m = ${m} (drawn)`, args: [nd(Array.from({ length: m }, () => s.int(0, C - 1)), [m], 'int32'), C] };
            })(),
          ],
        }),
        property({
          name: 'one 1 per column',
          points: 2,
          claim: 'For labels [m] and C classes, oneHot(labels, C) is [C, m] with a single 1 in each column j, in row labels[j], and 0 elsewhere',
          inputs: dims({ C: [2, 8], m: 8 }).chain(({ C, m }) => fc.record({ labels: fc.array(fc.integer({ min: 0, max: C - 1 }), { minLength: m, maxLength: m }), C: fc.constant(C) })),
          show: ({ labels, C }) => `labels = [${labels.join(', ')}], C = ${C}`,
          holds: async ({ labels, C }, ctx) => {
            const m = labels.length;
            const Y = await ctx.call('oneHot', [nd(labels, [m], 'int32'), C]);
            const t = expectTensor(Y, `oneHot(labels, ${C})`);
            if (t.shape.length === 2 && t.shape[0] === m && t.shape[1] === C && m !== C) {
              violated(`oneHot(labels, ${C}) has shape ${formatShape(t.shape)}, expected [${C}, ${m}].`, 'tf.oneHot puts the classes last: transpose its result so the examples are columns.');
            }
            expectClose(t, oneHotColumns(labels, C), `oneHot(labels, ${C})`);
            if (t.dtype !== 'float32') violated(`oneHot(labels, ${C}) holds the right values but is ${t.dtype}, not float32.`, ONE_HOT_FLOAT_HINT);
          },
        }),
      ],
    },
    {
      name: 'computeCost',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(32);
            return [
              [6, 5, 2],
              [3, 8, 1],
              [4, 4, 100],
            ].map(([C, m, scale]) => ({
              name: `C = ${C}, m = ${m}${scale! > 10 ? ', logits near ±100' : ''}`,
              args: [s.randn([C!, m!], scale), oneHotColumns(seededLabels(s, m!, C!), C!)],
              constants: { m: m!, C: C! },
            }));
          },
        }),
        property({
          name: 'is the mean cross-entropy',
          points: 2,
          claim:
            'For random logits Z [C, m] and one-hot labels Y, the cost is −(1/m) Σ_j log softmax(Z)[label_j, j] (softmax over the classes, the rows), as tf.losses.softmaxCrossEntropy computes on the transposes',
          inputs: logitsAndLabels({ min: -5, max: 5 }),
          holds: async ({ Z, labels, C }, ctx) => {
            const Y = oneHotColumns(labels, C);
            const cost = expectScalar(await ctx.call('computeCost', [Z, Y]), 'the cost');
            expectClose(cost, crossEntropy(Z, Y), 'the cost', {}, { m: labels.length });
          },
        }),
        property({
          name: 'matches tf.losses.softmaxCrossEntropy',
          points: 1,
          usesTf: true,
          claim: 'For random logits and labels, the cost equals TensorFlow.js tf.losses.softmaxCrossEntropy(Yᵀ, Zᵀ) (examples as rows there)',
          inputs: logitsAndLabels({ min: -5, max: 5 }),
          numRuns: 15,
          holds: async ({ Z, labels, C }, ctx) => {
            const Y = oneHotColumns(labels, C);
            const expected = await tfOracle(ctx, (tf, t) => tf.losses.softmaxCrossEntropy(tf.transpose(t(Y)), tf.transpose(t(Z))));
            const cost = expectScalar(await ctx.call('computeCost', [Z, Y]), 'the cost');
            expectClose(cost, expected.data[0]!, 'the cost', {}, { m: labels.length });
          },
        }),
        property({
          name: 'stable for large logits',
          points: 2,
          claim: 'With logits up to ±300 the cost is still finite and correct: use tf.losses.softmaxCrossEntropy or tf.logSoftmax, not tf.log(softmax(Z))',
          inputs: logitsAndLabels({ min: -300, max: 300 }),
          numRuns: 15,
          holds: async ({ Z, labels, C }, ctx) => {
            const Y = oneHotColumns(labels, C);
            const cost = expectScalar(await ctx.call('computeCost', [Z, Y]), 'the cost');
            if (costIsRight(cost, Z, Y)) return;
            const expected = crossEntropy(Z, Y);
            // Is it the large logits? The same case scaled down to moderate logits tells.
            const small = map(Z, (v) => v / 100);
            const smallCost = expectScalar(await ctx.call('computeCost', [small, Y]), 'the cost');
            // A degenerate shrunk case (zero logits, two classes) can make a wrong cost right when scaled down: a fixed
            // moderate case with several classes must be right too before the large logits are blamed.
            const moderateCost = expectScalar(await ctx.call('computeCost', [MODERATE.Z, MODERATE.Y]), 'the cost');
            const smallOk = costIsRight(smallCost, small, Y) && costIsRight(moderateCost, MODERATE.Z, MODERATE.Y);
            violated(
              `the cost is ${cost}, expected ${expected}.`,
              smallOk ? STABLE_COST_HINT : 'The cost is wrong for moderate logits too: fix that first (see the other checks of computeCost).',
            );
          },
        }),
      ],
    },
    {
      name: 'initializeParameters',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => [
            { name: 'layerDims [5, 4, 3, 2], seed 1', args: [[5, 4, 3, 2], 1] },
            { name: 'layerDims [7, 6, 4, 3], seed 2', args: [[7, 6, 4, 3], 2] },
            { name: 'layerDims [4, 3, 3, 2], default seed', args: [[4, 3, 3, 2]] },
            // Drawn too: its hidden variant has other sizes and seed, which a table of the published answers cannot pass.
            (() => {
              const s = new Seeded(41);
              const [dims, seed] = [[s.int(8, 12), s.int(3, 7), s.int(3, 7), s.int(2, 4)], s.int(3, 999)];
              return { name: `layerDims [${dims.join(', ')}], seed ${seed} (drawn)`, args: [dims, seed] };
            })(),
          ],
        }),
        property({
          name: 'Glorot uniform shapes and range',
          points: 2,
          claim:
            'For layerDims [n0, n1, n2, n3], Wl is [nl, n(l−1)] with values in [−r, r], r = √(6 / (n(l−1) + nl)), reaching beyond r/2 when it has 20 or more values, and bl is [nl, 1] of zeros',
          inputs: fc.record({ dims: distinctSizes(fc.array(dim(12), { minLength: 4, maxLength: 4 }), (sizes) => sizes), seed: fc.integer({ min: 0, max: 1000 }) }),
          numRuns: 15,
          holds: async ({ dims, seed }, ctx) => {
            const p = expectRecord(await ctx.call('initializeParameters', [dims, seed]), 'parameters', PARAM_KEYS);
            for (let l = 1; l <= 3; l++) {
              const [fanIn, fanOut] = [dims[l - 1]!, dims[l]!];
              const W = expectTensor(p[`W${l}`]!, `W${l}`, [fanOut, fanIn]);
              expectClose(p[`b${l}`]!, nd(new Array(fanOut).fill(0), [fanOut, 1]), `b${l}`);
              const r = Math.sqrt(6 / (fanIn + fanOut));
              const big = Math.max(...W.data.map(Math.abs));
              if (big > r * (1 + 1e-5)) violated(`W${l} holds ${W.data.find((w) => Math.abs(w) === big)}, outside [−${r}, ${r}].`, 'The Glorot limit is r = √(6 / (fan_in + fan_out)).');
              if (W.data.length >= 20 && big < r / 2) {
                violated(`the largest |W${l}| is ${big}, far below the limit r = ${r}.`, 'Draw Wl uniformly in [−r, r] with np.random.uniform(−r, r, count): no extra scaling.');
              }
            }
          },
        }),
        property({
          name: 'seeded with its seed argument',
          points: 1,
          claim: 'Two calls with the same layerDims and seed return the same weights, and calls with different seeds return different weights',
          inputs: fc.record({
            dims: distinctSizes(fc.array(dim(8, 2), { minLength: 4, maxLength: 4 }), (sizes) => sizes),
            seeds: fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 2 }),
          }),
          numRuns: 5,
          holds: async ({ dims, seeds: [seed, other] }, ctx) => {
            const weights = async (k: number) => expectRecord(await ctx.call('initializeParameters', [dims, k]), `initializeParameters(layerDims, ${k})`, PARAM_KEYS).W1!;
            const first = await weights(seed!);
            const again = await weights(seed!);
            const same = (a: ValueRecord[string], b: ValueRecord[string]) => compareValues(a!, b!, tolerance('elementwise')) === null;
            if (!same(first, again)) {
              violated(
                `two calls with seed ${seed} return different W1.`,
                'Call np.random.seed(seed) at the start of the function, before drawing: without it the weights depend on whatever drew random numbers before.',
              );
            }
            if (same(first, await weights(other!))) {
              violated(
                `initializeParameters returns the same W1 for seed ${seed} and seed ${other}.`,
                'The weights do not depend on the seed argument: call np.random.seed(seed) with the argument, not a fixed number such as the default 1.',
              );
            }
          },
        }),
      ],
    },
    {
      name: 'forwardPropagation',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(33);
            return [
              { name: 'layers [4, 5, 3, 3], m = 6', args: [s.randn([4, 6]), randomNet(s, [4, 5, 3, 3]) as ValueRecord] },
              { name: 'layers [6, 4, 4, 2], m = 3', args: [s.randn([6, 3]), randomNet(s, [6, 4, 4, 2]) as ValueRecord] },
            ];
          },
        }),
        property({
          name: 'linear-relu-linear-relu-linear',
          points: 2,
          claim: 'For any layer sizes, forwardPropagation returns the logits Z3 = W3·relu(W2·relu(W1·X + b1) + b2) + b3, [C, m], with no activation on the last layer',
          inputs: netArb,
          holds: async ({ X, ...p }, ctx) => {
            const expected = forwardNet(X, p);
            const Z3 = expectTensor(await ctx.call('forwardPropagation', [X, p]), 'forwardPropagation(X, parameters)', expected.shape);
            // Z3 can cancel far below its terms: the floor is tied to the same network run on |X|, |W| and |b| (a bound on every term).
            const terms = forwardNet(map(X, Math.abs), Object.fromEntries(Object.entries(p).map(([k, v]) => [k, map(v, Math.abs)])) as Net);
            expectClose(Z3, expected, 'Z3', tolerance('float32', { scale: scaleOf(terms) }));
          },
        }),
      ],
    },
    {
      name: 'model',
      dependsOn: ['computeCost', 'initializeParameters', 'forwardPropagation'],
      checks: [
        reference({
          name: 'short training runs',
          points: 3,
          timeoutMs: 30_000,
          tolerance: tolerance('training'),
          cases: async () => {
            const s = new Seeded(34);
            const data = (nX: number, m: number, C: number) => [s.randn([nX, m]), oneHotColumns(seededLabels(s, m, C), C)] as const;
            const [Xa, Ya] = data(5, 12, 3);
            const [Xa2, Ya2] = data(5, 6, 3);
            const [Xb, Yb] = data(4, 20, 4);
            const [Xb2, Yb2] = data(4, 8, 4);
            return [
              { name: 'X [5, 12], 3 classes, learning rate 0.01, 3 epochs, one batch of 12', args: [Xa, Ya, Xa2, Ya2, 0.01, 3, 12] },
              { name: 'X [4, 20], 4 classes, learning rate 0.005, 2 epochs, mini-batches of 8', args: [Xb, Yb, Xb2, Yb2, 0.005, 2, 8] },
            ];
          },
        }),
        property({
          name: 'learns the signs',
          points: 4,
          timeoutMs: 60_000,
          claim:
            `Trained on the signs dataset (${SIGNS_RUN.numEpochs} epochs, learning rate ${SIGNS_RUN.learningRate}, mini-batches of ${SIGNS_RUN.minibatchSize}), ` +
            `costs holds one finite cost per epoch, the last below half the first; the returned parameters classify at least ${SIGNS_RUN.minTrain * 100}% of the training ` +
            `and ${SIGNS_RUN.minTest * 100}% of the test images correctly; and trainAccuracy and testAccuracy are those shares`,
          inputs: fc.constant(null),
          numRuns: 1,
          show: () => {
            const d = signs();
            return `loadSignsDataset(): XTrain ${formatShape(d.XTrain.shape)}, XTest ${formatShape(d.XTest.shape)}, 6 classes; learningRate ${SIGNS_RUN.learningRate}, numEpochs ${SIGNS_RUN.numEpochs}, minibatchSize ${SIGNS_RUN.minibatchSize}`;
          },
          holds: async (_none, ctx) => {
            const d = signs();
            const { learningRate, numEpochs, minibatchSize } = SIGNS_RUN;
            const run = await trainModel(ctx, [d.XTrain, d.YTrain, d.XTest, d.YTest, learningRate, numEpochs, minibatchSize], SIGNS_CLASSES);
            if (run.costs.length !== numEpochs) violated(`costs holds ${run.costs.length} values after ${numEpochs} epochs, expected ${numEpochs}.`, 'Push the epoch\'s cost once per epoch.');
            if (!run.costs.every(Number.isFinite)) violated(`the costs are not all finite: ${run.costs.join(', ')}.`);
            const [first, last] = [run.costs[0]!, run.costs[numEpochs - 1]!];
            if (!(last < first / 2)) {
              violated(`the cost went from ${first.toFixed(4)} to ${last.toFixed(4)}, not below half.`, 'Check that Adam gets the learning rate passed in and that optimizer.minimize is given a function returning the cost of the current mini-batch.');
            }
            const train = accuracyOf(forwardNet(d.XTrain, run.parameters), d.trainLabels);
            const test = accuracyOf(forwardNet(d.XTest, run.parameters), d.testLabels);
            if (train < SIGNS_RUN.minTrain || test < SIGNS_RUN.minTest) {
              violated(
                `the trained network classifies ${(train * 100).toFixed(1)}% of the training and ${(test * 100).toFixed(1)}% of the test images correctly.`,
                'Check the learning rate, that every mini-batch is used, and that the variables the optimizer updates are the parameters you return.',
              );
            }
            if (Math.abs(run.trainAccuracy - train) > 0.01 || Math.abs(run.testAccuracy - test) > 0.01) {
              violated(
                `trainAccuracy is ${run.trainAccuracy} and testAccuracy ${run.testAccuracy}, but the returned parameters classify ${train} of the training and ${test} of the test images correctly.`,
                'The accuracy of a set is the share of its columns where tf.argMax(Z3, 0) equals tf.argMax(Y, 0): compute it on that set\'s own X and Y.',
              );
            }
          },
        }),
      ],
    },
  ],
});
