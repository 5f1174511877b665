/**
 * Grader: course 3, week 2 — Transfer and multi-task learning.
 *
 * The multi-task loss and its gradient are checked on seeded cases (no missing
 * labels: fixtures are JSON, which has no NaN), and by properties and a gradient
 * check on labels with NaN, built at grading time; known wrong answers are
 * recognised there and named. freezeAndRetrain builds its TensorFlow.js model in
 * the learner's code (a model cannot cross the sandbox): it gets the pretrained
 * weights as tensors and returns the weights after training, which the checks
 * compare with the pretrained ones and evaluate in plain JS.
 */
import * as fc from 'fast-check';
import { accuracy, forward, INPUT_SIZE, pretrainedLayers, taskBData, taskBLabels, type PlainDense } from '../../../lib/datasets/transfer-tasks';
import { expectArray, expectClose, expectNumber, expectRecord, expectTensor, violated } from '../../engine/checks/violation';
import { compareValues, DEFAULT_TOLERANCE, withinTolerance } from '../../engine/compare';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { formatNumber as fmt, nd, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { scaleOf, tolerance } from '../../engine/tolerance';
import type { Value } from '../../engine/values';

const HINTS = {
  nanAsZero: 'Missing labels (NaN) are counted as label 0; leave them out of the sum: mask the losses where Y is NaN (tf.isNaN).',
  meanOverLabelled: 'The loss is divided by the number of labels; the course sums over the tasks and averages over the examples only: divide by m.',
  gradientIgnoresMask: 'The gradient is not zero where a label is missing: a missing label adds nothing to the loss, so mask the gradient too.',
  gradientOverLabelled:
    'The gradient is divided by the number of labels; the loss averages over the examples only, so each labelled entry is (ŷ − y)/m: divide by m.',
  lossOverTasks: 'The loss is divided by the number of tasks (Y.shape[0], the rows); m, the number of examples, is the number of columns: Y.shape[1].',
  lossNotOverM:
    'The loss is divided by something other than m, the number of examples (Y.shape[1], the columns): not by the number of labels, nor by the number of tasks.',
  gradientNotOverM:
    'The gradient is divided by something other than m, the number of examples (Y.shape[1], the columns): each labelled entry is (ŷ − y)/m — not over the number of labels, nor over the number of tasks.',
  gradientTimesSigmoidSlope:
    "The gradient is multiplied by σ'(z) = ŷ(1 − ŷ) once more: for Ŷ = σ(Z) and the logistic loss, that factor cancels against the loss's 1/(ŷ(1 − ŷ)), leaving dJ/dz = (ŷ − y)/m.",
  gradientOverTasks: 'The gradient is divided by the number of tasks (Y.shape[0], the rows); m, the number of examples, is the number of columns: Y.shape[1].',
} as const;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The loss of one entry, in double precision. */
const bce = (p: number, y: number) => -(y * Math.log(p) + (1 - y) * Math.log(1 - p));

/** Ŷ = σ(Z) [tasks, m] and Y with NaN for missing labels (at least one). */
interface MultiTaskInput {
  Z: NdArray;
  Yhat: NdArray;
  Y: NdArray;
}

// Independent sizes on purpose, not dims(): shrunk to 1 task × 1 example, NaN-as-zero and the mean over
// the labelled entries stay apart; with one task, m ≥ 2 and a uniform Ŷ they give the same loss and no hint.
const multiTaskArb: fc.Arbitrary<MultiTaskInput> = fc
  .record({ tasks: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 6 }) })
  .chain(({ tasks, m }) =>
    fc.record({
      z: fc.array(fc.integer({ min: -12, max: 12 }).map((k) => k / 4), { minLength: tasks * m, maxLength: tasks * m }),
      // 2 stands for a missing label.
      y: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: tasks * m, maxLength: tasks * m }),
      shape: fc.constant<number[]>([tasks, m]),
    }),
  )
  .map(({ z, y, shape }) => {
    const labels = y.includes(2) ? y : [2, ...y.slice(1)];
    return {
      Z: nd(z, shape),
      Yhat: nd(z.map(sigmoid), shape),
      Y: nd(labels.map((v) => (v === 2 ? NaN : v)), shape),
    };
  });

const showMultiTask = ({ Yhat, Y }: MultiTaskInput) =>
  `Ŷ ${JSON.stringify(Yhat.shape)} = ${JSON.stringify(Yhat.data.map((v) => Number(v.toFixed(4))))}, Y = ${JSON.stringify(Y.data.map((v) => (Number.isNaN(v) ? 'NaN' : v)))}`;

/** The right loss, and the wrong ones a hint can name. */
function lossCandidates({ Yhat, Y }: MultiTaskInput) {
  const m = Y.shape[1]!;
  let sum = 0;
  let asZero = 0;
  let labelled = 0;
  Y.data.forEach((y, i) => {
    const p = Yhat.data[i]!;
    if (Number.isNaN(y)) asZero += bce(p, 0);
    else {
      sum += bce(p, y);
      asZero += bce(p, y);
      labelled++;
    }
  });
  return { right: sum / m, nanAsZero: asZero / m, meanOverLabelled: labelled ? sum / labelled : NaN, overTasks: sum / Y.shape[0]!, labelled };
}

// A loss is a float32 mean of terms −log ŷ of order 1: the float32 class, with its floor at that scale.
const near = (a: number, b: number) => withinTolerance(b, a, tolerance('float32', { scale: 1 }));

async function learnerSigmoidCall(ctx: CheckContext, fn: string, Z: NdArray, Y: NdArray): Promise<Value> {
  return ctx.call(fn, [nd(Z.data.map(sigmoid), Z.shape), Y]);
}

/** A fixed gradient-check point: 3 tasks, 5 examples, 4 missing labels. */
const gradPoint = (() => {
  const s = new Seeded(322);
  const Z = s.randn([3, 5]);
  const labels = s.labels(15).data;
  const Y = nd(
    labels.map((v, i) => ([1, 6, 8, 13].includes(i) ? NaN : v)),
    [3, 5],
  );
  return { Z, Y };
})();

/**
 * A seeded case of confident predictions: logits uniform in [−6, 6] (ŷ from 0.0025 to 0.9975, a quarter of them past
 * 0.01 or 0.99), the first a confident mistake (z = 5.5, y = 0). A loss that clips ŷ to [0.01, 0.99] before the log
 * (a guard against log 0) misses it by about (5.5 − 4.6)/m; a clip at 1e-7 changes nothing here.
 */
function confidentCase(s: Seeded, tasks: number, m: number) {
  const z = s.uniform([tasks * m], -6, 6).data.map((v, i) => (i === 0 ? 5.5 : v));
  const labels = s.labels(tasks * m).data.map((v, i) => (i === 0 ? 0 : v));
  return { name: `${tasks} tasks, m = ${m}, confident predictions (ŷ near 0 and 1)`, args: [nd(z.map(sigmoid), [tasks, m]), nd(labels, [tasks, m])], constants: { m, tasks } };
}

/** A seeded multi-task case without missing labels (fixtures cannot hold NaN). */
function seededCase(s: Seeded, tasks: number, m: number) {
  const Yhat = nd(s.randn([tasks, m]).data.map(sigmoid), [tasks, m]);
  const Y = nd(s.labels(tasks * m).data, [tasks, m]);
  return { name: `${tasks} tasks, m = ${m}`, args: [Yhat, Y], constants: { m, tasks } };
}

// ---------------------------------------------------------------------------------------------
// Transfer learning

type PlainLayers = PlainDense[];

const asValue = (layers: PlainLayers): Value[] => layers.map((l) => ({ kernel: nd(l.kernel, l.shape), bias: nd(l.bias, [l.shape[1]]) }));

/** Glorot-uniform weights and zero biases for the same architecture: the from-scratch start. */
function scratchLayers(s: Seeded): PlainLayers {
  return pretrainedLayers().map(({ shape: [a, b] }) => {
    const limit = Math.sqrt(6 / (a + b));
    return { kernel: [...s.uniform([a, b], -limit, limit).data], bias: new Array<number>(b).fill(0), shape: [a, b] as [number, number] };
  });
}

function taskBTensors(s: Seeded, m: number): { X: NdArray; Y: NdArray } {
  const X = s.randn([m, INPUT_SIZE]);
  return { X, Y: nd(taskBLabels(X.data), [m, 1]) };
}

interface Retrained {
  layers: PlainLayers;
  trainable: boolean[];
  losses: number[];
}

async function retrain(ctx: CheckContext, start: PlainLayers, k: number, X: NdArray, Y: NdArray, epochs: number, learningRate: number): Promise<Retrained> {
  const out = expectRecord(await ctx.call('freezeAndRetrain', [asValue(start), k, X, Y, { epochs, learningRate }], { timeoutMs: 30_000 }), 'freezeAndRetrain(…)', [
    'weights',
    'trainable',
    'losses',
  ]);
  const weights = expectArray(out.weights, 'weights', start.length);
  const layers = weights.map((w, i) => {
    const r = expectRecord(w, `weights[${i}]`, ['kernel', 'bias']);
    const kernel = expectTensor(r.kernel, `weights[${i}].kernel`, start[i]!.shape);
    const bias = expectTensor(r.bias, `weights[${i}].bias`, [start[i]!.shape[1]]);
    return { kernel: [...kernel.data], bias: [...bias.data], shape: start[i]!.shape };
  });
  const trainable = expectArray(out.trainable, 'trainable', start.length).map((t, i) => {
    if (typeof t !== 'boolean') violated(`trainable[${i}] should be a boolean (layer.trainable), but is ${JSON.stringify(t)}.`);
    return t;
  });
  const losses = expectArray(out.losses, 'losses', epochs).map((l, i) => expectNumber(l, `losses[${i}]`));
  return { layers, trainable, losses };
}

const maxChange = (a: PlainDense, b: PlainDense) => Math.max(...a.kernel.map((v, i) => Math.abs(v - b.kernel[i]!)), ...a.bias.map((v, i) => Math.abs(v - b.bias[i]!)));

/**
 * The budget of the accuracy check: 96 task-B examples, 30 epochs of Adam at 0.3. The reference's retrained network
 * gets 94.4% right, from scratch 70.6%, and so does every correct alternative. It was 32 examples, 100 epochs at 0.1
 * (87.1% and 57.7%): fit's cost is its epochs (a few ms each, whatever m), so this is a wider margin over both bars
 * for a third of the cost. The known mistakes fare as they did: retraining everything, plain SGD and Adam's default
 * rate fail it; the mean squared error, one layer too few frozen and fit's default batch size pass it.
 */
const BUDGET = { m: 96, epochs: 30, learningRate: 0.3, dataSeed: 3, testSeed: 99, testSize: 1000 };

export default defineAssignment({
  id: 'course3/week2/transfer-multitask',
  title: 'Transfer and multi-task learning',
  exercises: [
    {
      name: 'multiTaskLoss',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(321);
            return [seededCase(s, 4, 5), seededCase(s, 2, 7), seededCase(s, 1, 3), confidentCase(s, 3, 6)];
          },
        }),
        property({
          name: 'missing labels are left out',
          points: 3,
          claim: 'With missing labels (NaN) in Y, the loss is (1/m)·Σ over the labelled entries of −[y·log ŷ + (1 − y)·log(1 − ŷ)]',
          inputs: multiTaskArb,
          numRuns: 25,
          show: showMultiTask,
          holds: async (input, ctx) => {
            const loss = expectNumber(await ctx.call('multiTaskLoss', [input.Yhat, input.Y]), 'multiTaskLoss(Ŷ, Y)');
            const c = lossCandidates(input);
            if (!near(loss, c.right)) {
              const message = `multiTaskLoss(Ŷ, Y) is ${fmt(loss)}, expected ${fmt(c.right)}.`;
              // A NaN from 0/0 (no label at all) says nothing about the labels; with labels, it is a NaN label in the sum.
              if (Number.isNaN(loss)) violated(message, c.labelled > 0 ? HINTS.nanAsZero : undefined);
              // A hint only when exactly one known mistake explains the value.
              const matches = [
                [c.nanAsZero, HINTS.nanAsZero],
                [c.meanOverLabelled, HINTS.meanOverLabelled],
                [c.overTasks, HINTS.lossOverTasks],
              ].filter(([value]) => near(loss, value as number));
              const hints = matches.map(([, hint]) => hint);
              // The number of labels can equal the number of tasks: then either divisor explains the value.
              const overCount = hints.length === 2 && hints.includes(HINTS.meanOverLabelled) && hints.includes(HINTS.lossOverTasks);
              violated(message, matches.length === 1 ? (matches[0]![1] as string) : overCount ? HINTS.lossNotOverM : undefined);
            }
          },
        }),
      ],
    },
    {
      name: 'multiTaskGradient',
      dependsOn: ['multiTaskLoss'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(323);
            return [seededCase(s, 3, 4), seededCase(s, 2, 6)];
          },
        }),
        property({
          name: 'zero where labels are missing',
          points: 2,
          claim: 'The gradient has the shape of Ŷ, is (ŷ − y)/m where y is a label and 0 where it is missing (NaN)',
          inputs: multiTaskArb,
          numRuns: 20,
          show: showMultiTask,
          holds: async ({ Yhat, Y }, ctx) => {
            const m = Y.shape[1]!;
            const dZ = expectTensor(await ctx.call('multiTaskGradient', [Yhat, Y]), 'multiTaskGradient(Ŷ, Y)', Y.shape);
            Y.data.forEach((y, i) => {
              if (!Number.isNaN(y)) return;
              const g = dZ.data[i]!;
              // A masked entry is 0, or a float32 rounding of 0 (the elementwise floor); (ŷ − 0)/m there is the mask ignored.
              if (!withinTolerance(0, g, tolerance('elementwise'))) {
                const asZero = withinTolerance(Yhat.data[i]! / m, g, tolerance('float32'));
                violated(`the label at flat index ${i} is missing, but the gradient there is ${fmt(g)}, not 0.`, Number.isNaN(g) || asZero ? HINTS.gradientIgnoresMask : undefined);
              }
            });
            const over = (n: number) => nd(Y.data.map((y, i) => (Number.isNaN(y) ? 0 : (Yhat.data[i]! - y) / n)), Y.shape);
            const expected = over(m);
            // Divided by the labels present: a factor that changes with the mask, which the constant-factor hints would misname.
            const labelled = Y.data.filter((y) => !Number.isNaN(y)).length;
            const wrong = compareValues(expected, dZ, DEFAULT_TOLERANCE, {}, 'multiTaskGradient(Ŷ, Y)');
            // Each hint only when the other divisor does not explain the value too (the number of labels can equal the number of tasks).
            const tasks = Y.shape[0]!;
            const byLabels = labelled !== m && withinTolerance(over(labelled), dZ);
            const byTasks = tasks !== m && withinTolerance(over(tasks), dZ);
            if (wrong && byLabels && !byTasks) violated(wrong.message, HINTS.gradientOverLabelled);
            if (wrong && byTasks && !byLabels) violated(wrong.message, HINTS.gradientOverTasks);
            if (wrong && byTasks && byLabels) violated(wrong.message, HINTS.gradientNotOverM);
            // Times ŷ(1 − ŷ): on a uniform Ŷ a constant factor, named only where one more division by m does not fit as well.
            const slope = nd(expected.data.map((g, i) => g * Yhat.data[i]! * (1 - Yhat.data[i]!)), Y.shape);
            if (wrong && withinTolerance(slope, dZ) && !withinTolerance(over(m * m), dZ)) violated(wrong.message, HINTS.gradientTimesSigmoidSlope);
            expectClose(dZ, expected, 'multiTaskGradient(Ŷ, Y)', {}, { m });
          },
        }),
        gradient({
          name: 'gradient check',
          points: 3,
          mode: 'entries',
          at: () => ({ Z: gradPoint.Z }),
          cost: async (ctx, p) => expectNumber(await learnerSigmoidCall(ctx, 'multiTaskLoss', p.Z!, gradPoint.Y), 'multiTaskLoss(σ(Z), Y)'),
          gradients: async (ctx, p) => ({ Z: await learnerSigmoidCall(ctx, 'multiTaskGradient', p.Z!, gradPoint.Y) }),
        }),
      ],
    },
    {
      name: 'freezeAndRetrain',
      checks: [
        reference({
          name: 'seeded retraining',
          points: 3,
          timeoutMs: 30_000,
          tolerance: tolerance('training'),
          cases: async () => {
            const s = new Seeded(324);
            const a = taskBTensors(s, 12);
            const b = taskBTensors(s, 9);
            // More examples than fit's default batch of 32: one full batch per epoch only with batchSize m.
            const c = taskBTensors(s, 40);
            const pretrained = asValue(pretrainedLayers());
            const cases = [
              { name: 'k = 1, m = 12, 15 epochs, learning rate 0.1', args: [pretrained, 1, a.X, a.Y, { epochs: 15, learningRate: 0.1 }] },
              { name: 'k = 2, m = 9, 10 epochs, learning rate 0.05', args: [pretrained, 2, b.X, b.Y, { epochs: 10, learningRate: 0.05 }] },
              { name: 'k = 1, m = 40, 4 epochs, learning rate 0.1', args: [pretrained, 1, c.X, c.Y, { epochs: 4, learningRate: 0.1 }] },
            ];
            // One hidden run is enough for what hidden cases are for (a table of the published runs earns nothing: the score
            // is the smaller of the public and hidden shares); every mistake the runs tell apart shows on the public ones.
            // The last, the cheapest (4 epochs), which every known mistake fails.
            return Seeded.hiddenVariant ? cases.slice(2) : cases;
          },
        }),
        property({
          name: 'frozen layers stay, the last k move',
          points: 3,
          timeoutMs: 30_000,
          claim: 'With k in 1 … 3 (of 4 layers), trainable is false for every layer but the last k; after training, the frozen layers hold the pretrained weights and every one of the last k has moved',
          inputs: fc.record({ k: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 0, max: 9999 }) }),
          numRuns: 4,
          holds: async ({ k, seed }, ctx) => {
            const { X, Y } = taskBTensors(new Seeded(seed), 10);
            const start = pretrainedLayers();
            const out = await retrain(ctx, start, k, X, Y, 8, 0.1);
            const n = start.length;
            const want = start.map((_, i) => i >= n - k);
            if (out.trainable.some((t, i) => t !== want[i])) violated(`trainable is ${JSON.stringify(out.trainable)}, expected ${JSON.stringify(want)} for k = ${k}.`);
            out.layers.forEach((layer, i) => {
              const change = maxChange(layer, start[i]!);
              // A frozen layer holds the pretrained weights up to their float32 copy; a trained one moves past a training run's floor.
              if (i < n - k && !withinTolerance(0, change, tolerance('elementwise', { scale: scaleOf(start[i]!.kernel, start[i]!.bias) }))) violated(`layer ${i} is frozen for k = ${k}, but its weights moved by up to ${fmt(change)}.`);
              if (i >= n - k && withinTolerance(0, change, tolerance('training'))) violated(`layer ${i} is one of the last k = ${k}, but its weights did not move.`);
            });
          },
        }),
        property({
          name: 'beats training from scratch',
          points: 2,
          timeoutMs: 60_000,
          claim: `Retraining only the last layer of the pretrained network on ${BUDGET.m} task-B examples (${BUDGET.epochs} epochs, learning rate ${BUDGET.learningRate}) classifies at least 80% of ${BUDGET.testSize} new examples correctly, 5 points more than the same network trained from scratch (every layer trainable, Glorot initial weights) on the same budget`,
          inputs: fc.constant(null),
          numRuns: 1,
          show: () => `taskBData(${BUDGET.m}, ${BUDGET.dataSeed}); test set taskBData(${BUDGET.testSize}, ${BUDGET.testSeed})`,
          holds: async (_none, ctx) => {
            const train = taskBData(BUDGET.m, BUDGET.dataSeed);
            const X = nd(train.X, [BUDGET.m, INPUT_SIZE]);
            const Y = nd(train.y, [BUDGET.m, 1]);
            const test = taskBData(BUDGET.testSize, BUDGET.testSeed);
            const transfer = await retrain(ctx, pretrainedLayers(), 1, X, Y, BUDGET.epochs, BUDGET.learningRate);
            const start = scratchLayers(new Seeded(325));
            const scratch = await retrain(ctx, start, start.length, X, Y, BUDGET.epochs, BUDGET.learningRate);
            const a = accuracy(forward(transfer.layers, test.X), test.y);
            const b = accuracy(forward(scratch.layers, test.X), test.y);
            if (a < 0.8 || a < b + 0.05) {
              violated(`the retrained network classifies ${(a * 100).toFixed(1)}% of the test examples correctly, the one trained from scratch ${(b * 100).toFixed(1)}%.`);
            }
          },
        }),
      ],
    },
  ],
});

