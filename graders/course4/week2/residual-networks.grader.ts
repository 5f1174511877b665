/**
 * Grader: course 4, week 2 — Residual networks.
 *
 * The identity and convolutional blocks are built from TensorFlow.js layers in
 * the learner's code and applied to a tensor there (a model cannot cross the
 * sandbox); the checks pass the weights of every layer, so outputs are
 * reproducible, and compare with the blocks computed in plain JS
 * (resnet.oracle.ts). That oracle is an answer key the learner edition does not
 * ship: the checks using it are hidden; the shape checks run in both editions.
 */
import * as fc from 'fast-check';
import { dim, dims } from '../../engine/arbitraries';
import { expectArray, expectNumber, expectRecord, expectTensor, violated } from '../../engine/checks/violation';
import { compareValues, withinTolerance } from '../../engine/compare';
import { defineAssignment, property, reference, type CheckContext } from '../../engine/define';
import { formatShape, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { tolerance } from '../../engine/tolerance';
import type { Value } from '../../engine/values';
import { asValue, convOut, randomBlockWeights, withMainPathZeroed, type BlockKind, type BlockW, type Filters } from './resnet-inputs';

/** The plain-JS blocks: not in the learner edition, so only hidden checks load them. */
const oracle = () => import('./resnet.oracle');

// "The output is all zeros": every entry is 0 within float32's floor, while relu(X) has an entry that is not.
const isZero = (v: number) => withinTolerance(0, v, tolerance('float32'));

/** A block's input and weights, drawn from a seed: the report shows the sizes and the seed. */
interface BlockInput {
  m: number;
  nH: number;
  nW: number;
  nC: number;
  f: number;
  filters: Filters;
  s: number;
  training: boolean;
  seed: number;
  X: NdArray;
  weights: BlockW;
}

function blockArb(kind: BlockKind): fc.Arbitrary<BlockInput> {
  // Mostly distinct channel counts (in the identity block F3 is nC), and nH ≠ nW: a layer's
  // channels or a spatial axis taken for another then shows. Two groups: all six could not differ in these ranges.
  const channels = kind === 'identity' ? dims({ nC: 4, F1: 4, F2: 4 }).map((c) => ({ ...c, F3: c.nC })) : dims({ nC: 4, F1: 4, F2: 4, F3: 4 });
  return fc
    .record({
      m: dim(2),
      spatial: dims({ nH: [2, 5], nW: [2, 5] }),
      channels,
      f: dim(3),
      s: dim(3),
      training: fc.boolean(),
      seed: fc.integer({ min: 0, max: 9999 }),
    })
    .map(({ m, spatial: { nH, nW }, channels: { nC, F1, F2, F3 }, f, s, training, seed }) => {
      // The identity block adds its input to the main path: F3 must equal nC.
      const filters: Filters = [F1, F2, kind === 'identity' ? nC : F3];
      const r = new Seeded(seed);
      const X = r.randn([m, nH, nW, nC]);
      return { m, nH, nW, nC, f, filters, s: kind === 'identity' ? 1 : s, training, seed, X, weights: randomBlockWeights(r, nC, f, filters, kind) };
    });
}

const showBlock = (kind: BlockKind) => (b: BlockInput) =>
  `X of shape ${formatShape(b.X.shape)} (standard normal), f = ${b.f}, filters = ${formatShape(b.filters)}` +
  (kind === 'convolutional' ? `, s = ${b.s}` : '') +
  `, training = ${b.training}, random weights for every layer (seed ${b.seed})`;

/** The arguments of either block, in its signature's order. */
function blockArgs(kind: BlockKind, X: NdArray, f: number, filters: Filters, s: number, weights?: BlockW, training?: boolean): Value[] {
  const rest: Value[] = weights ? [asValue(weights), training ?? false] : [];
  return kind === 'identity' ? [X, f, filters, ...rest] : [X, f, filters, s, ...rest];
}

async function callBlock(ctx: CheckContext, kind: BlockKind, b: BlockInput, weights: BlockW | undefined = b.weights): Promise<NdArray> {
  const fn = kind === 'identity' ? 'identityBlock' : 'convolutionalBlock';
  const out = await ctx.call(fn, blockArgs(kind, b.X, b.f, b.filters, b.s, weights, b.training));
  return expectTensor(out, `the output of ${fn}`);
}

const HINTS = {
  noSkip: 'There is no skip connection: add the input X to the main path (tf.layers.add) before the final ReLU.',
  noFinalRelu: 'The block ends with a ReLU after the addition, relu(main + shortcut): without it the output keeps negative values.',
  reluBeforeAdd: 'The ReLU comes after the addition: the main path ends with its batch norm (no ReLU), then ADD the shortcut, then RELU.',
  shortcutNotX: "With the main path zeroed the block should return relu(X): the shortcut must be the input X itself, saved before the main path changes it, and added after the main path's last batch norm.",
  shortcutBn: "The shortcut is CONV2D (1×1, stride s) followed by its own BATCHNORM (shortcutBn): the batch norm is missing.",
  shortcutPath: "With the main path zeroed the block should return relu(BN(CONV(X))) of the shortcut: check the shortcut's conv (F3 filters, 1×1, stride s, 'valid', shortcutConv) and its batch norm (shortcutBn), applied to the input X.",
  training: 'Pass { training } to every layer you apply (layer.apply(x, { training })): batch norm uses the batch mean and variance when training is true, its moving mean and variance when it is false.',
  unbiasedVariance:
    "In training mode batch norm normalises with the batch's biased variance, the mean of the squared deviations (÷ n, n = m·nH·nW values per channel), as tf.layers.batchNormalization and tf.moments do: dividing by n − 1 (the sample variance) is not the course's batch norm.",
  strideOnMiddle: "The stride s belongs to the main path's first 1×1 convolution (and the shortcut's); the middle f × f convolution has stride 1.",
};

/** A known wrong output and what to tell the learner whose output it is. */
interface Known {
  output: NdArray;
  hint: string;
}

/**
 * Compares a block's output with the expected one. A difference is explained by the
 * first known mistake that reproduces the output, or by `otherwise`; never by the generic
 * "constant factor" diagnosis, which a block's output makes look plausible and is never right.
 */
function expectBlock(out: NdArray, expected: NdArray, what: string, known: Known[], otherwise?: string): void {
  expectShape(out, expected.shape, what);
  const m = compareValues(expected, out, undefined, {}, what);
  if (!m) return;
  const mistake = known.find((k) => withinTolerance(k.output, out));
  violated(m.message, mistake?.hint ?? otherwise);
}

function expectShape(out: NdArray, shape: number[], what: string, hint?: string): void {
  if (formatShape(out.shape) !== formatShape(shape)) violated(`${what} has shape ${formatShape(out.shape)}, expected ${formatShape(shape)}.`, hint);
}

/** Seeded reference cases: [X, f, filters, (s,) weights, training]. */
function blockCases(kind: BlockKind, seed: number, specs: { m: number; n: number; nC: number; f: number; filters: Filters; s?: number; training: boolean }[]) {
  const r = new Seeded(seed);
  return specs.map(({ m, n, nC, f, filters, s = 1, training }) => {
    const X = r.randn([m, n, n, nC]);
    const weights = randomBlockWeights(r, nC, f, filters, kind);
    return {
      name: `X [${m}, ${n}, ${n}, ${nC}], f = ${f}, filters ${formatShape(filters)}${kind === 'convolutional' ? `, s = ${s}` : ''}, ${training ? 'training' : 'inference'}`,
      args: blockArgs(kind, X, f, filters, s, weights, training),
    };
  });
}

/** Mostly distinct nC, f and filters (a count that uses one for another then shows), and nH ≠ nW. */
const summaryArb = fc
  .record({ spatial: dims({ nH: 8, nW: 8 }), channels: dims({ nC: 6, f: 4, F1: 6, F2: 6, F3: 6 }), s: dim(3), kind: fc.constantFrom<BlockKind>('identity', 'convolutional') })
  .map(({ spatial: { nH, nW }, channels: { nC, f, F1, F2, F3 }, s, kind }) => ({ inputShape: [nH, nW, nC], f, filters: [F1, F2, kind === 'identity' ? nC : F3] as Filters, kind, s }));

async function callSummary(ctx: CheckContext, a: { inputShape: number[]; f: number; filters: Filters; kind: BlockKind; s: number }) {
  const out = await ctx.call('blockSummary', [a.inputShape, a.f, a.filters, a.kind, a.s]);
  return expectRecord(out, `blockSummary([${a.inputShape}], ${a.f}, [${a.filters}], '${a.kind}', ${a.s})`, ['outputShape', 'trainableParams', 'nonTrainableParams']);
}

export default defineAssignment({
  id: 'course4/week2/residual-networks',
  title: 'Residual networks',
  exercises: [
    {
      name: 'identityBlock',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () =>
            blockCases('identity', 21, [
              { m: 2, n: 4, nC: 3, f: 3, filters: [2, 4, 3], training: false },
              { m: 1, n: 5, nC: 2, f: 2, filters: [4, 3, 2], training: false },
              { m: 2, n: 3, nC: 3, f: 3, filters: [3, 3, 3], training: true },
            ]),
        }),
        property({
          name: 'output shape',
          points: 1,
          claim: 'For any input [m, nH, nW, nC] and filters [F1, F2, nC] (default weights), the identity block returns a tensor of the same shape as its input',
          inputs: blockArb('identity'),
          numRuns: 8,
          show: (b) => `X of shape ${formatShape(b.X.shape)}, f = ${b.f}, filters = ${formatShape(b.filters)} (no weights given)`,
          holds: async (b, ctx) => {
            const out = expectTensor(await ctx.call('identityBlock', [b.X, b.f, b.filters]), 'the output of identityBlock');
            expectShape(out, b.X.shape, 'the output', b.f > 1 ? "The f × f convolution needs padding 'same' so the main path keeps the input's height and width." : undefined);
          },
        }),
        property({
          name: 'skip connection',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: "With the main path's last batch norm zeroed (gamma = beta = 0), the main path outputs 0 and the identity block returns relu(X): the input is added back by the skip connection",
          inputs: blockArb('identity'),
          numRuns: 8,
          show: (b) => `${showBlock('identity')(b)}, then the last batch norm's gamma and beta set to 0`,
          holds: async (b, ctx) => {
            const out = await callBlock(ctx, 'identity', b, withMainPathZeroed(b.weights));
            expectShape(out, b.X.shape, 'the output');
            const { relu } = await oracle();
            const expected = relu(b.X);
            if (!expected.data.every(isZero) && out.data.every(isZero)) {
              violated('the output is all zeros, expected relu(X).', HINTS.noSkip);
            }
            expectBlock(out, expected, 'the output (should be relu(X))', [{ output: b.X, hint: HINTS.noFinalRelu }], HINTS.shortcutNotX);
          },
        }),
        property({
          name: 'matches the block',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim:
            "For any input and weights, in inference or training mode, the output is relu(X + BN(CONV 1×1(relu(BN(CONV f×f 'same'(relu(BN(CONV 1×1(X))))))))), batch norm per channel with ε = 0.001",
          inputs: blockArb('identity'),
          numRuns: 8,
          show: showBlock('identity'),
          holds: async (b, ctx) => {
            const out = await callBlock(ctx, 'identity', b);
            const { add, identityBlockJs, mainPath, relu } = await oracle();
            const main = mainPath(b.X, b.weights, 1, b.training);
            expectBlock(out, identityBlockJs(b.X, b.weights, b.training), 'the output', [
              { output: relu(main), hint: HINTS.noSkip },
              { output: relu(add(relu(main), b.X)), hint: HINTS.reluBeforeAdd },
              { output: add(main, b.X), hint: HINTS.noFinalRelu },
              { output: identityBlockJs(b.X, b.weights, !b.training), hint: HINTS.training },
              ...(b.training ? [{ output: identityBlockJs(b.X, b.weights, true, true), hint: HINTS.unbiasedVariance }] : []),
            ]);
          },
        }),
      ],
    },
    {
      name: 'convolutionalBlock',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () =>
            blockCases('convolutional', 22, [
              { m: 2, n: 5, nC: 3, f: 3, filters: [2, 2, 4], s: 2, training: false },
              { m: 1, n: 4, nC: 2, f: 2, filters: [3, 2, 4], s: 1, training: false },
              { m: 2, n: 6, nC: 3, f: 3, filters: [2, 3, 2], s: 3, training: true },
            ]),
        }),
        property({
          name: 'output shape',
          points: 1,
          claim: 'For any input [m, nH, nW, nC], filters [F1, F2, F3] and stride s (default weights), the output is [m, ⌊(nH − 1)/s⌋ + 1, ⌊(nW − 1)/s⌋ + 1, F3]',
          inputs: blockArb('convolutional'),
          numRuns: 8,
          show: (b) => `X of shape ${formatShape(b.X.shape)}, f = ${b.f}, filters = ${formatShape(b.filters)}, s = ${b.s} (no weights given)`,
          holds: async (b, ctx) => {
            const out = expectTensor(await ctx.call('convolutionalBlock', [b.X, b.f, b.filters, b.s]), 'the output of convolutionalBlock');
            const shape = [b.m, convOut(b.nH, 1, b.s, 'valid'), convOut(b.nW, 1, b.s, 'valid'), b.filters[2]];
            const strideTwo = [b.m, convOut(b.nH, 1, 2, 'valid'), convOut(b.nW, 1, 2, 'valid'), b.filters[2]];
            expectShape(
              out,
              shape,
              'the output',
              b.s !== 2 && formatShape(out.shape) === formatShape(strideTwo)
                ? `The stride is the argument s (here ${b.s}), not always 2: the first 1×1 conv of the main path and the shortcut's conv both use strides s.`
                : "Both paths must end as [m, ⌊(nH − 1)/s⌋ + 1, ⌊(nW − 1)/s⌋ + 1, F3]: strides s on the main path's first 1×1 conv and on the shortcut's conv, padding 'same' on the f × f conv, F3 filters on the last conv and the shortcut's.",
            );
          },
        }),
        property({
          name: 'shortcut path',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: "With the main path's last batch norm zeroed (gamma = beta = 0), the block returns relu(BN(CONV 1×1, stride s(X))): the shortcut's own conv and batch norm",
          inputs: blockArb('convolutional'),
          numRuns: 8,
          show: (b) => `${showBlock('convolutional')(b)}, then the main path's last batch norm's gamma and beta set to 0`,
          holds: async (b, ctx) => {
            const out = await callBlock(ctx, 'convolutional', b, withMainPathZeroed(b.weights));
            const { conv2d, relu, shortcutPath } = await oracle();
            const expected = relu(shortcutPath(b.X, b.weights, b.s, b.training));
            const noBn = relu(conv2d(b.X, b.weights.shortcutConv!, b.s, 'valid'));
            const known = [
              { output: noBn, hint: HINTS.shortcutBn },
              { output: shortcutPath(b.X, b.weights, b.s, b.training), hint: HINTS.noFinalRelu },
            ];
            expectBlock(out, expected, "the output (should be relu of the shortcut's batch norm)", known, HINTS.shortcutPath);
          },
        }),
        property({
          name: 'matches the block',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim:
            "For any input, weights and stride s, in inference or training mode, the output is relu(main + shortcut), main = BN(CONV 1×1(relu(BN(CONV f×f 'same'(relu(BN(CONV 1×1 stride s(X)))))))), shortcut = BN(CONV 1×1 stride s(X))",
          inputs: blockArb('convolutional'),
          numRuns: 8,
          show: showBlock('convolutional'),
          holds: async (b, ctx) => {
            const out = await callBlock(ctx, 'convolutional', b);
            const { add, conv2d, convolutionalBlockJs, mainPath, relu, shortcutPath } = await oracle();
            const main = mainPath(b.X, b.weights, b.s, b.training);
            const shortcut = shortcutPath(b.X, b.weights, b.s, b.training);
            expectBlock(out, convolutionalBlockJs(b.X, b.weights, b.s, b.training), 'the output', [
              { output: relu(main), hint: HINTS.noSkip },
              { output: relu(add(relu(main), shortcut)), hint: HINTS.reluBeforeAdd },
              { output: add(main, shortcut), hint: HINTS.noFinalRelu },
              { output: relu(add(main, conv2d(b.X, b.weights.shortcutConv!, b.s, 'valid'))), hint: HINTS.shortcutBn },
              { output: relu(add(mainPath(b.X, b.weights, b.s, b.training, true), shortcut)), hint: HINTS.strideOnMiddle },
              { output: convolutionalBlockJs(b.X, b.weights, b.s, !b.training), hint: HINTS.training },
              ...(b.training ? [{ output: convolutionalBlockJs(b.X, b.weights, b.s, true, true), hint: HINTS.unbiasedVariance }] : []),
            ]);
          },
        }),
      ],
    },
    {
      name: 'blockSummary',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          // Sizes and filter counts drawn from Seeded, so the hidden cases have their own (a table of the public summaries
          // earns nothing there); the kinds, f and s are fixed: an identity block (F3 = nC), an even input with s = 2, an
          // even f with s = 3 and n not a multiple of 3, f = 1 on an nH ≠ nW input with both odd (so ⌈n/s⌉ ≠ ⌊n/s⌋ in the
          // last two); nC, F1, F2, F3 distinct in the convolutional blocks (a count that uses one for another shows).
          cases: async () => {
            const r = new Seeded(23);
            const pick = (options: number[]) => options[Math.min(options.length - 1, Math.floor(r.uniform([1]).data[0]! * options.length))]!;
            /** k distinct values of 2 … 7, in random order. */
            const distinct = (k: number) => {
              const keys = r.uniform([6]).data;
              return [2, 3, 4, 5, 6, 7].sort((a, b) => keys[a - 2]! - keys[b - 2]!).slice(0, k);
            };
            const [iC, iF1, iF2] = distinct(3) as [number, number, number];
            const specs: [number[], number, Filters, BlockKind, number][] = [[[...Array(2).fill(pick([4, 5, 6, 7])), iC], 3, [iF1, iF2, iC], 'identity', 2]];
            for (const [nH, nW, f, s] of [
              [pick([6, 8]), 0, 3, 2],
              [pick([4, 5, 7, 8]), 0, 2, 3],
              [pick([7, 9]), pick([3, 5]), 1, 2],
            ] as const) {
              const [nC, F1, F2, F3] = distinct(4) as [number, number, number, number];
              specs.push([[nH, nW || nH, nC], f, [F1, F2, F3], 'convolutional', s]);
            }
            return specs.map(([shape, f, filters, kind, s]) => ({
              name: `[${shape.join(', ')}], f = ${f}, filters [${filters.join(', ')}], '${kind}'${kind === 'convolutional' ? `, s = ${s}` : ''}`,
              args: [shape, f, filters, kind, s] as Value[],
            }));
          },
        }),
        property({
          name: 'parameter counts',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim:
            'The parameter counts match the specification: trainable = Σ over the convs of (f·f·nC_prev + 1)·nC plus 2·nC (gamma, beta) per batch norm; non-trainable = 2·nC (moving mean, variance) per batch norm',
          inputs: summaryArb,
          numRuns: 10,
          holds: async (a, ctx) => {
            const out = await callSummary(ctx, a);
            const { parameterCounts } = await oracle();
            const { trainable, nonTrainable } = parameterCounts(a.inputShape[2]!, a.f, a.filters, a.kind);
            const t = expectNumber(out.trainableParams!, 'trainableParams');
            const n = expectNumber(out.nonTrainableParams!, 'nonTrainableParams');
            if (t === trainable + nonTrainable && n === 0) {
              violated(`trainableParams is ${t} and nonTrainableParams 0, expected ${trainable} and ${nonTrainable}.`, "A batch norm's moving mean and variance are not trained (model.nonTrainableWeights): only gamma and beta are.");
            }
            if (t !== trainable) violated(`trainableParams is ${t}, expected ${trainable}.`);
            if (n !== nonTrainable) violated(`nonTrainableParams is ${n}, expected ${nonTrainable}.`);
          },
        }),
        property({
          name: 'output shape',
          points: 1,
          claim: "The output shape is the input's for the identity block, [⌊(nH − 1)/s⌋ + 1, ⌊(nW − 1)/s⌋ + 1, F3] for the convolutional block",
          inputs: summaryArb,
          numRuns: 10,
          holds: async (a, ctx) => {
            const out = await callSummary(ctx, a);
            const [nH, nW] = a.inputShape as [number, number, number];
            const s = a.kind === 'identity' ? 1 : a.s;
            const expected = [convOut(nH, 1, s, 'valid'), convOut(nW, 1, s, 'valid'), a.filters[2]];
            const shape = expectArray(out.outputShape!, 'outputShape', 3);
            const floor = [Math.floor(nH / s), Math.floor(nW / s), a.filters[2]];
            const m = compareValues(expected, shape, undefined, {}, 'outputShape (without the batch dimension)');
            if (m) {
              const isFloor = withinTolerance(floor, shape);
              violated(m.message, isFloor ? "A 1×1 'valid' convolution with stride s gives ⌊(n − 1)/s⌋ + 1 = ⌈n/s⌉ pixels, not ⌊n/s⌋: the last, partial stride still has a pixel." : m.likely);
            }
          },
        }),
      ],
    },
  ],
});
