/**
 * Grader: course 1, week 4 — deep neural network for image classification.
 * The models are built from the learner's own step-by-step functions.
 */
import * as fc from 'fast-check';
import { dim, distinctSizes, labels } from '../../engine/arbitraries';
import { expectArray, expectNumber, expectRecord, expectTensor, violated } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, property, reference, type CheckContext } from '../../engine/define';
import { nd, type NdArray } from '../../engine/ndarray';
import { costsPlot, recordPlot } from '../../engine/report/plots';
import { Seeded } from '../../engine/seeded';
import { tolerance } from '../../engine/tolerance';
import type { ValueRecord } from '../../engine/values';
import { catImages, randomNet, values, type Net } from './dnn-inputs';

/** The plain-JS forward pass: not in the learner edition, so only hidden checks load it. */
const oracle = () => import('./dnn.oracle');

/** The training images the "learns" checks use: 60 images of 8×8 pixels (192 features), about one-third cats. */
const CAT = { mTrain: 60, size: 8 };
const TRAIN = { learningRate: 0.1, numIterations: 201 };

type Trained = { parameters: Net; costs: number[] };

async function train(ctx: CheckContext, fn: string, X: NdArray, Y: NdArray, layersDims: number[], learningRate: number, numIterations: number): Promise<Trained> {
  const what = `${fn}(X, Y, [${layersDims.join(', ')}], ${learningRate}, ${numIterations})`;
  const out = expectRecord(await ctx.call(fn, [X, Y, layersDims, learningRate, numIterations]), `what ${what} returns`, ['parameters', 'costs']);
  const L = layersDims.length - 1;
  const keys = Array.from({ length: L }, (_, i) => [`W${i + 1}`, `b${i + 1}`]).flat();
  const params = expectRecord(out.parameters!, 'parameters', keys);
  const parameters: Net = {};
  for (let l = 1; l <= L; l++) {
    parameters[`W${l}`] = expectTensor(params[`W${l}`]!, `parameters.W${l}`, [layersDims[l]!, layersDims[l - 1]!]);
    parameters[`b${l}`] = expectTensor(params[`b${l}`]!, `parameters.b${l}`, [layersDims[l]!, 1]);
  }
  const costs = expectArray(out.costs!, 'costs').map((c, i) => expectNumber(c, `costs[${i}]`));
  return { parameters, costs };
}

/** Trains on the cat images and checks the costs go down and the training images are learned. */
function learnsCats(fn: string, layersDims: (n: number) => number[]) {
  const { learningRate, numIterations } = TRAIN;
  const n = CAT.size * CAT.size * 3;
  return property({
    name: 'learns the cat images',
    points: 3,
    hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
    timeoutMs: 20_000,
    claim:
      `Trained on ${CAT.mTrain} cat / non-cat images (layers [${layersDims(n).join(', ')}], learning rate ${learningRate}, ${numIterations} iterations), ` +
      `costs holds the costs at iterations 0, 100 and 200, each lower than the one before, and the trained network classifies at least 90% of the training images correctly`,
    inputs: fc.constant(null),
    numRuns: 1,
    show: () => `${CAT.mTrain} images of ${CAT.size}×${CAT.size} pixels, X [${n}, ${CAT.mTrain}], layersDims [${layersDims(n).join(', ')}], learningRate ${learningRate}, numIterations ${numIterations}`,
    holds: async (_none, ctx) => {
      const { X, Y } = catImages(CAT.mTrain, CAT.size);
      const { parameters, costs } = await train(ctx, fn, X, Y, layersDims(n), learningRate, numIterations);
      recordPlot(ctx, costsPlot(`Training cost of your ${fn} on the cat images`, 'iteration', [{ name: fn, every: 100, costs }]));
      if (costs.length !== 3) {
        violated(
          `costs holds ${costs.length} values after ${numIterations} iterations, expected 3.`,
          'Record the cost when i % 100 === 0 (iterations 0, 100, 200, …), as the course does.',
        );
      }
      if (!costs.every((c, i) => Number.isFinite(c) && (i === 0 || c < costs[i - 1]!))) {
        violated(`the costs do not go down: ${costs.map((c) => c.toFixed(4)).join(', ')}.`, 'Check that each iteration updates the parameters and the next iteration uses the updated ones, and the sign of dAL.');
      }
      const { accuracy, forwardPass } = await oracle();
      const acc = accuracy(forwardPass(X, parameters).AL, Y);
      if (acc < 0.9) {
        violated(
          `the trained network classifies ${(acc * 100).toFixed(1)}% of the training images correctly.`,
          'Check the learning rate is the one passed in, and that the parameters of every iteration are the updated ones.',
        );
      }
    },
  });
}

export default defineAssignment({
  id: 'course1/week4/deep-network-application',
  title: 'Deep neural network for image classification',
  // The instructions: "Every function returns new tensors and records; leave its arguments unchanged." Records only:
  // a backward pass may walk its caches list reversed in place.
  argumentsUnchanged: 'records',
  exercises: [
    {
      name: 'twoLayerModel',
      checks: [
        reference({
          name: 'short training runs',
          points: 3,
          timeoutMs: 20_000,
          tolerance: tolerance('training'),
          cases: async () => {
            const s = new Seeded(21);
            return [
              { name: 'X [5, 12], layers [5, 4, 1], learning rate 0.05, 101 iterations', args: [s.randn([5, 12]), s.labels(12), [5, 4, 1], 0.05, 101] },
              { name: 'X [3, 8], layers [3, 6, 1], learning rate 0.1, 30 iterations', args: [s.randn([3, 8]), s.labels(8), [3, 6, 1], 0.1, 30] },
              // 199 iterations: costs at iterations 0 and 100 only (every 100th, not the last).
              { name: 'X [4, 10], layers [4, 3, 1], learning rate 0.05, 199 iterations', args: [s.randn([4, 10]), s.labels(10), [4, 3, 1], 0.05, 199] },
            ];
          },
        }),
        learnsCats('twoLayerModel', (n) => [n, 7, 1]),
      ],
    },
    {
      name: 'lLayerModel',
      checks: [
        reference({
          name: 'short training runs',
          points: 3,
          timeoutMs: 20_000,
          tolerance: tolerance('training'),
          cases: async () => {
            const s = new Seeded(22);
            return [
              { name: 'X [6, 10], layers [6, 5, 3, 1], learning rate 0.1, 101 iterations', args: [s.randn([6, 10]), s.labels(10), [6, 5, 3, 1], 0.1, 101] },
              { name: 'X [4, 9], layers [4, 3, 1], learning rate 0.3, 20 iterations', args: [s.randn([4, 9]), s.labels(9), [4, 3, 1], 0.3, 20] },
            ];
          },
        }),
        learnsCats('lLayerModel', (n) => [n, 8, 4, 1]),
      ],
    },
    {
      name: 'predict',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(23);
            return [
              // Y = null: the reference prints the accuracy when given labels, and fixtures are made quietly.
              { name: 'layers [4, 3, 1], m = 9', args: [s.randn([4, 9]), null, randomNet(s, [4, 3, 1]) as ValueRecord] },
              { name: 'layers [3, 4, 2, 1], m = 7', args: [s.randn([3, 7]), null, randomNet(s, [3, 4, 2, 1]) as ValueRecord] },
              // W2 = 0 and b2 = 0: AL is exactly 0.5 for every example, which is not above 0.5.
              { name: 'layers [3, 2, 1], m = 5, the output layer all zeros (AL exactly 0.5)', args: [s.randn([3, 5]), null, { ...randomNet(s, [3, 2, 1]), W2: nd([0, 0], [1, 2]), b2: nd([0], [1, 1]) } as ValueRecord] },
            ];
          },
        }),
        property({
          name: 'thresholds at 0.5',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'For any depth, predict returns a [1, m] tensor of 0s and 1s: 1 exactly where the network output AL > 0.5, with or without labels Y',
          inputs: distinctSizes(fc.record({ sizes: fc.array(dim(4), { minLength: 1, maxLength: 3 }), m: dim(6), withLabels: fc.boolean() }), ({ sizes, m }) => [...sizes, m]).chain(({ sizes, m, withLabels }) => {
            const layerDims = [...sizes, 1];
            const params: Record<string, fc.Arbitrary<NdArray>> = {};
            for (let l = 1; l < layerDims.length; l++) {
              params[`W${l}`] = values([layerDims[l]!, layerDims[l - 1]!], 'grid');
              params[`b${l}`] = values([layerDims[l]!, 1], 'grid');
            }
            return fc.record({ X: values([layerDims[0]!, m], 'grid'), Y: withLabels ? labels(m) : fc.constant(null), params: fc.record(params) });
          }),
          holds: async ({ X, Y, params }, ctx) => {
            const m = X.shape[1]!;
            const p = expectTensor(await ctx.call('predict', [X, Y, params]), 'predict(X, Y, parameters)', [1, m]);
            // A bool tensor holds the right truth values but not the numbers 0 and 1 the course's predict returns.
            if (p.dtype === 'bool') {
              violated('predict returned a bool tensor: the predictions are the numbers 0 and 1.', "Predict 1 where AL > 0.5 and 0 elsewhere, as numbers: tf.cast(tf.greater(AL, 0.5), 'float32').");
            }
            const { AL } = (await oracle()).forwardPass(X, params);
            p.data.forEach((v, i) => {
              const a = AL.data[i]!;
              // Too close to call: within elementwise tolerance of 0.5, float32 rounding of the forward pass can put it on either side.
              if (withinTolerance(0.5, a, tolerance('elementwise'))) return;
              if (v !== (a > 0.5 ? 1 : 0)) violated(`for AL = ${a} the prediction is ${v}, expected ${a > 0.5 ? 1 : 0}.`);
            });
          },
        }),
      ],
    },
  ],
});
