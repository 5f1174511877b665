/**
 * Grader: course 4, week 1 — convolutional model, step by step.
 *
 * Some properties compare learners' outputs with a plain-JavaScript convolution
 * and pooling (conv.oracle.ts, float64, direct summation). That oracle is an
 * answer key the learner edition does not ship, so those properties are hidden;
 * the shapes, invariants, tf.conv2d comparison and gradient checks run in both
 * editions. Learners write these layers with explicit loops, which in
 * TensorFlow.js means many tiny ops per call: the shapes stay small and the
 * checks that call the conv and pool functions get a generous time limit.
 */
import type * as TF from '@tensorflow/tfjs';
import * as fc from 'fast-check';
import { dim, dims, tensor } from '../../engine/arbitraries';
import { expectArray, expectClose, expectNumber, expectTensor, violated } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { callOrThrow } from '../../engine/implementation';
import { formatNd, formatNumber, formatShape, full, nd, sameShape, sizeOf, type NdArray } from '../../engine/ndarray';
import { heatmapPlot, recordPlot } from '../../engine/report/plots';
import { Seeded } from '../../engine/seeded';
import { tolerance } from '../../engine/tolerance';
import type { Value } from '../../engine/values';
import { tfOracle } from '../../engine/oracle';
import { at, channelSums, convShape, distinct, distinctArb, forEachWindow, outSize, poolShape, type ConvHp, type Mode, type PoolHp } from './conv-inputs';

/** The plain-JS convolution and pooling: not in the learner edition, so only hidden checks load them. */
const oracle = () => import('./conv.oracle');

/** A looped TF.js convolution runs thousands of tiny ops: allow it time. */
const SLOW = 30_000;
const grid = { min: -2, max: 2, step: 0.25 };
const modes: Mode[] = ['max', 'average'];
// The inputs are on a grid of quarters, so copies, maxima and sums of their products are exact in float32, and an
// average's division rounds once: the learner's values are within a few u of the oracle's, whatever the order.
const near = (want: number, got: number) => withinTolerance(want, got, tolerance('elementwise'));

// ---------------------------------------------------------------- inputs

type ConvInput = { APrev: NdArray; W: NdArray; b: NdArray; hp: ConvHp };

/**
 * A random convolution: m ≤ 2, nCPrev, nC ≤ 3, f ≤ 3, stride ≤ 3, pad ≤ 2, and an image at least f wide once padded.
 * m, nCPrev and nC mostly differ, and so do nH and nW (two groups: all five distinct would force large images).
 */
const convArb = (fMax = 3, fixed?: ConvHp): fc.Arbitrary<ConvInput> =>
  fc
    .record({
      sizes: dims({ m: 2, nCPrev: 3, nC: 3 }),
      f: dim(fMax),
      stride: fixed ? fc.constant(fixed.stride) : dim(3),
      pad: fixed ? fc.constant(fixed.pad) : fc.integer({ min: 0, max: 2 }),
    })
    .chain(({ sizes: { m, nCPrev, nC }, f, stride, pad }) => {
      const side = [Math.max(1, f - 2 * pad), 5] as const;
      return dims({ nH: side, nW: side }).chain(({ nH, nW }) =>
        fc.record({
          APrev: tensor([m, nH, nW, nCPrev], grid),
          W: tensor([f, f, nCPrev, nC], grid),
          b: tensor([1, 1, 1, nC], grid),
          hp: fc.constant({ stride, pad }),
        }),
      );
    });

type PoolInput = { APrev: NdArray; hp: PoolHp; mode: Mode };

/**
 * A random pooling layer: f 2 or 3 (the course's windows; at f = 1, tf.oneHot of depth f·f — a correct way to build
 * max pooling's mask — throws in TensorFlow.js), stride ≤ 3, an image at least f wide, values from `values(shape)`;
 * m ≠ nC and nH ≠ nW mostly.
 */
const poolArb = (values: (shape: number[]) => fc.Arbitrary<NdArray>, mode?: Mode): fc.Arbitrary<PoolInput> =>
  fc
    .record({ sizes: dims({ m: 2, nC: 3 }), f: dim(3, 2), stride: dim(3), mode: mode ? fc.constant(mode) : fc.constantFrom(...modes) })
    .chain(({ sizes: { m, nC }, f, stride, mode }) => {
      const side = [f, 5] as const;
      return dims({ nH: side, nW: side }).chain(({ nH, nW }) => fc.record({ APrev: values([m, nH, nW, nC]), hp: fc.constant({ f, stride }), mode: fc.constant(mode) }));
    });

/** A tensor for a counterexample: its values when it is small enough to read, else its shape. */
const brief = (name: string, a: NdArray) => `${name} ${formatShape(a.shape)}${a.data.length <= 24 ? ` = ${formatNd(a, 24)}` : ''}`;
const showConv = ({ APrev, W, b, hp, dZ }: ConvInput & { dZ?: NdArray }) =>
  [brief('A_prev', APrev), brief('W', W), brief('b', b), `stride ${hp.stride}, pad ${hp.pad}`, ...(dZ ? [brief('dZ', dZ)] : [])].join('\n');
const showPool = ({ APrev, hp, mode, dA }: PoolInput & { dA?: NdArray }) =>
  [brief('A_prev', APrev), `f ${hp.f}, stride ${hp.stride}, mode '${mode}'`, ...(dA ? [brief('dA', dA)] : [])].join('\n');

// ---------------------------------------------------------------- calls

async function convForward(ctx: CheckContext, { APrev, W, b, hp }: ConvInput): Promise<[NdArray, Value]> {
  const out = expectArray(await ctx.call('convForward', [APrev, W, b, hp]), 'convForward(A_prev, W, b, hparameters)', 2);
  return [expectTensor(out[0]!, 'Z (the first item convForward returns)'), out[1]!];
}

async function poolForward(ctx: CheckContext, APrev: NdArray, hp: PoolHp, mode: Mode): Promise<[NdArray, Value]> {
  const out = expectArray(await ctx.call('poolForward', [APrev, hp, mode]), `poolForward(A_prev, hparameters, '${mode}')`, 2);
  return [expectTensor(out[0]!, 'A (the first item poolForward returns)'), out[1]!];
}

/**
 * For the HTML report, a failing convolution as pictures: example 0's first
 * input channel, and output channel 0 as yours and as expected (one colour
 * scale for both). Drawn at each failure, the last one is the smallest input.
 */
function drawFeatureMaps(ctx: CheckContext, APrev: NdArray, Z: NdArray, expected: NdArray): void {
  const map0 = (a: NdArray) => {
    const [, rows, cols] = a.shape as [number, number, number, number];
    return { rows, cols, values: Array.from({ length: rows * cols }, (_, k) => a.data[at(a.shape, 0, Math.floor(k / cols), k % cols, 0)]!) };
  };
  if (Z.shape.length !== 4 || sizeOf(Z.shape) === 0) return;
  const [input, yours, wanted] = [map0(APrev), map0(Z), map0(expected)];
  const both = [...yours.values, ...wanted.values].filter(Number.isFinite);
  const domain: [number, number] = [Math.min(...both), Math.max(...both)];
  const keep = { keep: 'last' } as const;
  recordPlot(ctx, heatmapPlot('Input: A_prev[0, :, :, 0]', `The first channel of the first example of the smallest failing input, ${input.rows}×${input.cols}.`, input.rows, input.cols, input.values), keep);
  recordPlot(ctx, heatmapPlot('Your output: Z[0, :, :, 0]', `Output channel 0 of your convForward, ${yours.rows}×${yours.cols}, on the colour scale of the expected output.`, yours.rows, yours.cols, yours.values, domain), keep);
  recordPlot(ctx, heatmapPlot('Expected output: Z[0, :, :, 0]', `Output channel 0 of tf.conv2d on the zero-padded input plus the bias, ${wanted.rows}×${wanted.cols}.`, wanted.rows, wanted.cols, wanted.values, domain), keep);
}

function threeGradients(v: Value): [NdArray, NdArray, NdArray] {
  const [dAPrev, dW, db] = expectArray(v, 'convBackward(dZ, cache)', 3);
  return [
    expectTensor(dAPrev!, 'dA_prev (the first item convBackward returns)'),
    expectTensor(dW!, 'dW (the second item convBackward returns)'),
    expectTensor(db!, 'db (the third item convBackward returns)'),
  ];
}

/** The expected output shape, with the arithmetic spelled out when the learner's differs. */
function expectOutputShape(out: NdArray, what: string, expected: number[], formula: string, known: Array<[shape: number[], hint: string]> = []): void {
  if (sameShape(out.shape, expected)) return;
  // A known wrong size formula is named when it alone gives the learner's shape.
  const fits = known.filter(([shape]) => sameShape(out.shape, shape) && !sameShape(shape, expected));
  violated(`${what} has shape ${formatShape(out.shape)}, expected ${formatShape(expected)}: ${formula}.`, fits.length === 1 ? fits[0]![1] : undefined);
}

const CHANNELS_FIRST_PAD_HINT =
  'The last two axes were padded, as for channels-first images: here images are [m, nH, nW, nC], channels last, so pad axes 1 and 2: [[0, 0], [pad, pad], [pad, pad], [0, 0]].';

const SIZE_HINTS = {
  ceil: 'The size is rounded up: ⌊…⌋ rounds DOWN (Math.floor), since a window that would run past the edge is not taken.',
  noPlusOne: 'The output is one row and one column short: the size is ⌊(…) / stride⌋ + 1 — the + 1 counts the first window.',
  padOnce: 'The padding is counted once: the padded image has pad rows and columns on EACH side, nH_prev + 2·pad.',
  noPad: 'The output size leaves the padding out: nH = ⌊(nH_prev + 2·pad − f) / stride⌋ + 1, counted on the padded image.',
} as const;

/** The shapes that the usual wrong size formulas give, with their hints ([m, nH, nW, nC] with nC given). */
function sizeMistakes(m: number, nHPrev: number, nWPrev: number, nC: number, f: number, stride: number, pad = 0): Array<[number[], string]> {
  const shape = (size: (n: number) => number): number[] => [m, size(nHPrev), size(nWPrev), nC];
  const out: Array<[number[], string]> = [
    [shape((n) => Math.ceil((n + 2 * pad - f) / stride) + 1), SIZE_HINTS.ceil],
    [shape((n) => Math.floor((n + 2 * pad - f) / stride)), SIZE_HINTS.noPlusOne],
  ];
  if (pad > 0) out.push([shape((n) => Math.floor((n + pad - f) / stride) + 1), SIZE_HINTS.padOnce], [shape((n) => Math.floor((n - f) / stride) + 1), SIZE_HINTS.noPad]);
  return out;
}

const convFormula = ({ APrev, W, hp }: ConvInput) => {
  const f = W.shape[0]!;
  const one = (n: number) => `⌊(${n} + 2·${hp.pad} − ${f}) / ${hp.stride}⌋ + 1 = ${outSize(n, f, hp.stride, hp.pad)}`;
  return `nH = ⌊(nH_prev + 2·pad − f) / stride⌋ + 1 = ${one(APrev.shape[1]!)}, nW = ${one(APrev.shape[2]!)}, and nC = W.shape[3] = ${W.shape[3]}`;
};

const poolFormula = (APrev: NdArray, { f, stride }: PoolHp) => {
  const one = (n: number) => `⌊(${n} − ${f}) / ${stride}⌋ + 1 = ${outSize(n, f, stride)}`;
  return `nH = ⌊(nH_prev − f) / stride⌋ + 1 = ${one(APrev.shape[1]!)}, nW = ${one(APrev.shape[2]!)}; the channels stay ${APrev.shape[3]}`;
};

const dot = (a: NdArray, b: NdArray) => a.data.reduce((s, x, i) => s + x * b.data[i]!, 0);
const idxOf = (shape: readonly number[], flat: number): number[] => {
  const out: number[] = [];
  for (let d = shape.length - 1, rest = flat; d >= 0; d--) {
    out.unshift(rest % shape[d]!);
    rest = Math.floor(rest / shape[d]!);
  }
  return out;
};
const idx = (shape: readonly number[], flat: number) => `[${idxOf(shape, flat).join(', ')}]`;

// ---------------------------------------------------------------- gradient-check points

/** Convolution points: the cost Σ(Z ⊙ R) for a fixed R, so dZ = R and convBackward gives its exact gradient. */
function convPoint(seed: number, APrev: number[], W: number[], hp: ConvHp) {
  const s = new Seeded(seed);
  const p = { APrev: s.randn(APrev), W: s.randn(W), b: s.randn([1, 1, 1, W[3]!]) };
  return { p, hp, R: s.randn(convShape(p.APrev, p.W, hp)) };
}
const convPoints = [convPoint(61, [2, 4, 4, 2], [3, 3, 2, 2], { stride: 1, pad: 1 }), convPoint(62, [2, 5, 4, 3], [3, 3, 3, 2], { stride: 2, pad: 1 })];

/**
 * Pooling points: distinct values 0.1 apart, so moving one entry by the step
 * (0.01) never changes which entry is a window's maximum — max pooling is
 * differentiable there. Overlapping windows (stride < f) test the accumulation.
 */
function poolPoint(seed: number, shape: number[], hp: PoolHp) {
  const APrev = distinct(seed, shape, 0.1);
  return { APrev, hp, R: new Seeded(seed).randn(poolShape(APrev, hp)) };
}
const poolPoints: Record<Mode, ReturnType<typeof poolPoint>> = {
  max: poolPoint(71, [1, 4, 4, 2], { f: 2, stride: 1 }),
  average: poolPoint(72, [1, 5, 5, 2], { f: 3, stride: 2 }),
};

function convGradientCheck(k: number) {
  const { p, hp, R } = convPoints[k]!;
  return gradient({
    name: `gradient check (stride ${hp.stride}, pad ${hp.pad})`,
    points: 2,
    mode: 'directional',
    timeoutMs: SLOW,
    at: () => p,
    cost: async (ctx, q) => {
      const [Z] = await convForward(ctx, { APrev: q.APrev!, W: q.W!, b: q.b!, hp });
      return dot(expectTensor(Z, 'Z', R.shape), R);
    },
    gradients: async (ctx, q) => {
      const [, cache] = await convForward(ctx, { APrev: q.APrev!, W: q.W!, b: q.b!, hp });
      const [dAPrev, dW, db] = threeGradients(await ctx.call('convBackward', [R, cache]));
      return { APrev: dAPrev, W: dW, b: db };
    },
  });
}

function poolGradientCheck(mode: Mode) {
  const { APrev, hp, R } = poolPoints[mode];
  return gradient({
    name: `gradient check (${mode})`,
    points: 2,
    mode: 'entries',
    timeoutMs: SLOW,
    at: () => ({ APrev }),
    cost: async (ctx, q) => {
      const [A] = await poolForward(ctx, q.APrev!, hp, mode);
      return dot(expectTensor(A, 'A', R.shape), R);
    },
    gradients: async (ctx, q) => {
      const [, cache] = await poolForward(ctx, q.APrev!, hp, mode);
      return { APrev: await ctx.call('poolBackward', [R, cache, mode]) };
    },
  });
}

// ---------------------------------------------------------------- the assignment

const AVERAGE_BY_F = "'average' gives each input dA[i, h, w, c] / f: the window holds f·f inputs, so each gets dA[i, h, w, c] / f² (distributeValue(dA[i, h, w, c], [f, f])).";

/** What distributeValue(1.5, [3, 5]) divides 1.5 by, for the usual wrong shares (the right divisor is 15). */
const DISTRIBUTE_HINTS: [number, string][] = [
  [8, 'dz is divided by nH + nW: the window holds nH·nW entries (rows times columns), so each gets dz / (nH·nW).'],
  [3, 'dz is divided by nH alone (the number of rows): the window holds nH·nW entries, so each gets dz / (nH·nW).'],
  [5, 'dz is divided by nW alone (the number of columns): the window holds nH·nW entries, so each gets dz / (nH·nW).'],
  [1, 'Every entry is dz: divide it by nH·nW, so that the shares add up to dz.'],
  [1 / 15, 'dz is multiplied by nH·nW: each of the nH·nW entries gets an equal share, dz divided by nH·nW.'],
];

export default defineAssignment({
  id: 'course4/week1/convolution-step-by-step',
  title: 'Convolutional model: step by step',
  exercises: [
    {
      name: 'zeroPad',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(11);
            return [
              { name: 'X [2, 3, 4, 2], pad 2', args: [s.randn([2, 3, 4, 2]), 2] },
              { name: 'X [1, 4, 3, 3], pad 1', args: [s.randn([1, 4, 3, 3]), 1] },
              { name: 'X [3, 2, 2, 1], pad 0', args: [s.randn([3, 2, 2, 1]), 0] },
            ];
          },
        }),
        property({
          name: 'pads H and W only',
          points: 1,
          claim: 'For any X [m, nH, nW, nC] and pad, the result is [m, nH + 2·pad, nW + 2·pad, nC]: H and W grow by pad on each side, m and nC do not change',
          inputs: fc.record({ shape: dims({ m: 3, nH: 4, nW: 4, nC: 3 }).map(({ m, nH, nW, nC }) => [m, nH, nW, nC]), pad: fc.integer({ min: 0, max: 3 }) }),
          numRuns: 20,
          holds: async ({ shape, pad }, ctx) => {
            const X = full(shape, 1);
            const out = expectTensor(await ctx.call('zeroPad', [X, pad]), `zeroPad(X, ${pad})`);
            const [m, nH, nW, nC] = shape;
            const expected = [m, nH + 2 * pad, nW + 2 * pad, nC];
            if (!sameShape(out.shape, expected)) {
              const allAxes = out.shape.length === 4 && out.shape[0] === m + 2 * pad && out.shape[3] === nC + 2 * pad;
              const channelsFirst = sameShape(out.shape, [m, nH, nW + 2 * pad, nC + 2 * pad]);
              violated(
                `for X ${formatShape(shape)} and pad ${pad}, the result has shape ${formatShape(out.shape)}, expected ${formatShape(expected)}.`,
                allAxes ? 'The examples and channels were padded too: pad only axes 1 and 2 (H and W), with [0, 0] for axes 0 and 3.' : channelsFirst ? CHANNELS_FIRST_PAD_HINT : undefined,
              );
            }
          },
        }),
        property({
          name: 'keeps the interior',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'The middle of the result is X, unchanged, and the border of width pad around it (on H and W) holds zeros only',
          inputs: fc.record({ shape: dims({ m: 2, nH: 4, nW: 4, nC: 3 }).map(({ m, nH, nW, nC }) => [m, nH, nW, nC]), pad: fc.integer({ min: 1, max: 3 }) }).chain(({ shape, pad }) => fc.record({ X: tensor(shape, { min: 0.25, max: 2, step: 0.25 }), pad: fc.constant(pad) })),
          numRuns: 20,
          show: ({ X, pad }) => `${brief('X', X)}, pad ${pad}`,
          holds: async ({ X, pad }, ctx) => {
            const expected = (await oracle()).zeroPadJs(X, pad);
            const out = expectTensor(await ctx.call('zeroPad', [X, pad]), `zeroPad(X, ${pad})`, expected.shape);
            const [m, nH, nW, nC] = expected.shape as [number, number, number, number];
            for (let i = 0; i < m; i++)
              for (let h = 0; h < nH; h++)
                for (let w = 0; w < nW; w++)
                  for (let c = 0; c < nC; c++) {
                    const k = at(expected.shape, i, h, w, c);
                    const inside = h >= pad && h < nH - pad && w >= pad && w < nW - pad;
                    if (!near(expected.data[k]!, out.data[k]!)) {
                      // A border of one constant other than 0 around the right interior: tf.pad's value argument.
                      const border = out.data.filter((_, j) => {
                        const [, hh, ww] = idxOf(expected.shape, j);
                        return !(hh! >= pad && hh! < nH - pad && ww! >= pad && ww! < nW - pad);
                      });
                      const interiorRight = out.data.every((v, j) => {
                        const [, hh, ww] = idxOf(expected.shape, j);
                        return !(hh! >= pad && hh! < nH - pad && ww! >= pad && ww! < nW - pad) || near(expected.data[j]!, v);
                      });
                      const padValue = border[0]!;
                      if (interiorRight && padValue !== 0 && border.every((v) => v === padValue)) {
                        violated(
                          `the result at ${idx(expected.shape, k)} is ${formatNumber(out.data[k]!)}: the border must be zeros.`,
                          `The padding holds ${formatNumber(padValue)}s${padValue === 1 ? " (tf.pad's third argument is the value to pad with)" : ''}: pad with zeros — leave tf.pad's value argument out, or pass 0.`,
                        );
                      }
                      violated(
                        inside
                          ? `the result at ${idx(expected.shape, k)} is ${formatNumber(out.data[k]!)}, but it is X${idx(X.shape, at(X.shape, i, h - pad, w - pad, c))} = ${formatNumber(expected.data[k]!)} (X shifted by pad).`
                          : `the result at ${idx(expected.shape, k)} is ${formatNumber(out.data[k]!)}: the border must be zeros.`,
                        'Put pad zeros before AND after each of H and W: [[0, 0], [pad, pad], [pad, pad], [0, 0]].',
                      );
                    }
                  }
          },
        }),
      ],
    },
    {
      name: 'convSingleStep',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(12);
            return (
              [
                [3, 2],
                [2, 5],
                [5, 1],
              ] as const
            ).map(([f, nC]) => ({ name: `window [${f}, ${f}, ${nC}]`, args: [s.randn([f, f, nC]), s.randn([f, f, nC]), s.randn([1, 1, 1])], constants: { 'f·f·nC_prev': f * f * nC } }));
          },
        }),
        property({
          name: 'sum of products plus bias',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim: 'For a window and a filter of any shape [f, f, nC_prev], the result is the number Σ(a_slice_prev ⊙ W) + b, with b added once',
          inputs: dims({ f: 4, nC: 3 }).chain(({ f, nC }) => fc.record({ a: tensor([f, f, nC], grid), W: tensor([f, f, nC], grid), b: tensor([1, 1, 1], { min: 0.25, max: 2, step: 0.25 }) })),
          numRuns: 20,
          holds: async ({ a, W, b }, ctx) => {
            const z = expectNumber(await ctx.call('convSingleStep', [a, W, b]), 'convSingleStep(a_slice_prev, W, b)');
            const expected = (await oracle()).singleStepJs(a, W, b);
            if (!near(expected, z)) {
              const noBias = expected - b.data[0]!;
              const hint =
                near(noBias, z)
                  ? 'The bias is missing: Z = Σ(a_slice_prev ⊙ W) + b.'
                  : near(noBias + sizeOf(a.shape) * b.data[0]!, z)
                    ? 'b was added to every product before the sum (f·f·nC_prev times): add it once, after the sum.'
                    : undefined;
              violated(`the result is ${formatNumber(z)}, expected Σ(a ⊙ W) + b = ${formatNumber(expected)}.`, hint);
            }
          },
        }),
      ],
    },
    {
      name: 'convForward',
      dependsOn: ['zeroPad', 'convSingleStep'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          timeoutMs: SLOW,
          cases: async () => {
            const s = new Seeded(13);
            return (
              [
                [[2, 5, 4, 3], [3, 3, 3, 2], 2, 2],
                [[1, 4, 6, 2], [2, 2, 2, 3], 1, 0],
                [[2, 6, 5, 1], [3, 3, 1, 2], 3, 2],
              ] as const
            ).map(([A, W, stride, pad]) => ({
              name: `A_prev [${A.join(', ')}], W [${W.join(', ')}], stride ${stride}, pad ${pad}`,
              args: [s.randn([...A]), s.randn([...W]), s.randn([1, 1, 1, W[3]]), { stride, pad }],
            }));
          },
        }),
        property({
          name: 'output size',
          points: 1,
          timeoutMs: SLOW,
          claim: 'For any shapes, stride and pad, Z is [m, ⌊(nH_prev + 2·pad − f)/stride⌋ + 1, ⌊(nW_prev + 2·pad − f)/stride⌋ + 1, nC]',
          inputs: convArb(),
          numRuns: 15,
          show: showConv,
          holds: async (input, ctx) => {
            const [Z] = await convForward(ctx, input);
            const { APrev, W, hp } = input;
            const f = W.shape[0]!;
            const [m, nHPrev, nWPrev] = APrev.shape as [number, number, number];
            expectOutputShape(Z, 'Z', [m, outSize(nHPrev, f, hp.stride, hp.pad), outSize(nWPrev, f, hp.stride, hp.pad), W.shape[3]!], convFormula(input), sizeMistakes(m, nHPrev, nWPrev, W.shape[3]!, f, hp.stride, hp.pad));
          },
        }),
        property({
          name: 'cross-correlation plus bias',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          timeoutMs: SLOW,
          claim:
            'For any shapes, stride and pad, Z[i, h, w, c] = Σ(A_prev_pad[i, h·stride : h·stride + f, w·stride : w·stride + f, :] ⊙ W[:, :, :, c]) + b[c] — what tf.conv2d computes on the zero-padded input, plus the bias — and the cache is [A_prev, W, b, hparameters]',
          inputs: convArb(),
          numRuns: 15,
          show: showConv,
          holds: async (input, ctx) => {
            const expected = (await oracle()).convForwardJs(input.APrev, input.W, input.b, input.hp);
            const [Z, cache] = await convForward(ctx, input);
            expectOutputShape(Z, 'Z', expected.shape, convFormula(input));
            expectClose(Z, expected, 'Z');
            const items = expectArray(cache, 'the cache (the second item convForward returns)', 4);
            (['A_prev', 'W', 'b'] as const).forEach((name, i) => expectClose(items[i]!, [input.APrev, input.W, input.b][i]!, `cache[${i}] (should be ${name})`));
            expectClose(items[3]!, input.hp, 'cache[3] (should be hparameters)');
          },
        }),
        property({
          name: 'equals tf.conv2d',
          points: 1,
          timeoutMs: SLOW,
          usesTf: true,
          claim: 'For any shapes, stride and pad, Z equals TensorFlow.js tf.conv2d (valid padding) on the zero-padded input, plus the bias',
          inputs: convArb(),
          numRuns: 10,
          show: showConv,
          holds: async (input, ctx) => {
            const { pad, stride } = input.hp;
            const expected = await tfOracle(ctx, (tf, t) =>
              tf.add(
                tf.conv2d(tf.pad(t(input.APrev) as TF.Tensor4D, [[0, 0], [pad, pad], [pad, pad], [0, 0]]), t(input.W) as TF.Tensor4D, stride, 'valid'),
                t(input.b),
              ),
            );
            const [Z] = await convForward(ctx, input);
            try {
              expectOutputShape(Z, 'Z', expected.shape, convFormula(input));
              expectClose(Z, expected, 'Z');
            } catch (err) {
              drawFeatureMaps(ctx, input.APrev, Z, expected);
              throw err;
            }
          },
        }),
        property({
          name: '1×1 convolution',
          points: 1,
          timeoutMs: SLOW,
          claim: 'With f = 1, stride 1 and pad 0, a convolution is a fully-connected layer applied to every pixel: Z[i, h, w, :] = A_prev[i, h, w, :]·W[0, 0] + b',
          inputs: convArb(1, { stride: 1, pad: 0 }),
          numRuns: 10,
          show: showConv,
          holds: async (input, ctx) => {
            const { APrev, W, b } = input;
            const [m, nH, nW, nCPrev] = APrev.shape as [number, number, number, number];
            const nC = W.shape[3]!;
            const out: number[] = [];
            for (let p = 0; p < m * nH * nW; p++)
              for (let c = 0; c < nC; c++) {
                let z = b.data[c]!;
                for (let k = 0; k < nCPrev; k++) z += APrev.data[p * nCPrev + k]! * W.data[k * nC + c]!;
                out.push(z);
              }
            const [Z] = await convForward(ctx, input);
            expectOutputShape(Z, 'Z', [m, nH, nW, nC], convFormula(input));
            expectClose(Z, nd(out, [m, nH, nW, nC]), 'Z (per pixel, A_prev[i, h, w, :]·W[0, 0] + b)');
          },
        }),
      ],
    },
    {
      name: 'poolForward',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          timeoutMs: SLOW,
          cases: async () => {
            const s = new Seeded(14);
            return (
              [
                [[2, 5, 5, 3], 3, 2, 'max'],
                [[2, 5, 5, 3], 3, 2, 'average'],
                [[1, 4, 6, 2], 2, 2, 'max'],
                [[2, 4, 5, 2], 2, 1, 'average'],
              ] as const
            ).map(([A, f, stride, mode]) => ({
              name: `A_prev [${A.join(', ')}], f ${f}, stride ${stride}, '${mode}'`,
              args: [s.randn([...A]), { f, stride }, mode],
              constants: { f, 'f²': f * f },
            }));
          },
        }),
        property({
          name: 'output size',
          points: 1,
          timeoutMs: SLOW,
          claim: 'For any shape, f and stride, in both modes, A is [m, ⌊(nH_prev − f)/stride⌋ + 1, ⌊(nW_prev − f)/stride⌋ + 1, nC]: no padding, and every channel pooled on its own',
          inputs: poolArb((shape) => tensor(shape, grid)),
          numRuns: 15,
          show: showPool,
          holds: async ({ APrev, hp, mode }, ctx) => {
            const [A] = await poolForward(ctx, APrev, hp, mode);
            const [m, nHPrev, nWPrev, nC] = APrev.shape as [number, number, number, number];
            expectOutputShape(A, 'A', poolShape(APrev, hp), poolFormula(APrev, hp), sizeMistakes(m, nHPrev, nWPrev, nC, hp.f, hp.stride));
          },
        }),
        property({
          name: 'max of the window',
          points: 2,
          timeoutMs: SLOW,
          claim: "With 'max', every A[i, h, w, c] is a value of its window A_prev[i, h·stride : h·stride + f, w·stride : w·stride + f, c] and no value of that window is larger",
          inputs: poolArb((shape) => tensor(shape, grid), 'max'),
          numRuns: 15,
          show: showPool,
          holds: async ({ APrev, hp }, ctx) => {
            const [A] = await poolForward(ctx, APrev, hp, 'max');
            expectOutputShape(A, 'A', poolShape(APrev, hp), poolFormula(APrev, hp));
            forEachWindow(APrev, hp, (o, win) => {
              const a = A.data[o]!;
              const v = win.map((k) => APrev.data[k]!);
              const where = `A${idx(A.shape, o)} = ${formatNumber(a)}`;
              if (!v.some((x) => near(x, a))) violated(`${where} is not a value of its window [${v.map(formatNumber).join(', ')}].`);
              const larger = v.find((x) => x > a && !near(a, x));
              if (larger !== undefined) violated(`${where}, but its window [${v.map(formatNumber).join(', ')}] holds ${formatNumber(larger)}, which is larger.`);
            });
          },
        }),
        property({
          name: 'mean of the window',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          timeoutMs: SLOW,
          claim: "With 'average', every A[i, h, w, c] is the mean of the f·f values of its window A_prev[i, h·stride : h·stride + f, w·stride : w·stride + f, c]",
          inputs: poolArb((shape) => tensor(shape, grid), 'average'),
          numRuns: 15,
          show: showPool,
          holds: async ({ APrev, hp }, ctx) => {
            const [A] = await poolForward(ctx, APrev, hp, 'average');
            const expected = (await oracle()).poolForwardJs(APrev, hp, 'average');
            expectOutputShape(A, 'A', expected.shape, poolFormula(APrev, hp));
            expectClose(A, expected, "A ('average')", {}, { f: hp.f, 'f²': hp.f * hp.f });
          },
        }),
        property({
          name: 'average of a constant image',
          points: 1,
          timeoutMs: SLOW,
          claim: "With 'average', an image whose channel c is the constant k_c everywhere pools to k_c everywhere in channel c",
          inputs: poolArb((shape) => tensor([shape[3]!], { min: 0.25, max: 2, step: 0.25 }).map((k) => nd(Array.from({ length: sizeOf(shape) }, (_, j) => k.data[j % shape[3]!]!), shape)), 'average'),
          numRuns: 10,
          show: ({ APrev, hp }) => `A_prev ${formatShape(APrev.shape)} with channel values [${APrev.data.slice(0, APrev.shape[3]).map(formatNumber).join(', ')}], f ${hp.f}, stride ${hp.stride}`,
          holds: async ({ APrev, hp }, ctx) => {
            const [A] = await poolForward(ctx, APrev, hp, 'average');
            const shape = poolShape(APrev, hp);
            expectOutputShape(A, 'A', shape, poolFormula(APrev, hp));
            const nC = shape[3]!;
            expectClose(A, nd(Array.from({ length: sizeOf(shape) }, (_, j) => APrev.data[j % nC]!), shape), 'A (the mean of a constant is that constant)', {}, { f: hp.f, 'f²': hp.f * hp.f });
          },
        }),
      ],
    },
    {
      name: 'convBackward',
      dependsOn: ['convForward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          timeoutMs: SLOW,
          cases: async (ref) => {
            const s = new Seeded(15);
            return Promise.all(
              (
                [
                  [[2, 4, 4, 3], [3, 3, 3, 2], 1, 1],
                  [[2, 5, 6, 2], [2, 2, 2, 3], 2, 0],
                  [[1, 5, 5, 2], [3, 3, 2, 2], 2, 2],
                ] as const
              ).map(async ([A, W, stride, pad]) => {
                const hp = { stride, pad };
                // The cache comes from the reference forward pass, so it is always consistent.
                const [Z, cache] = (await callOrThrow(ref, 'convForward', [s.randn([...A]), s.randn([...W]), s.randn([1, 1, 1, W[3]]), hp])) as [NdArray, Value];
                return { name: `A_prev [${A.join(', ')}], W [${W.join(', ')}], stride ${stride}, pad ${pad}`, args: [s.randn(Z.shape), cache], constants: { m: A[0] } };
              }),
            );
          },
        }),
        property({
          name: 'shapes',
          points: 1,
          timeoutMs: SLOW,
          claim: 'For any shapes, stride and pad, dA_prev has the shape of A_prev, dW the shape of W and db the shape of b ([1, 1, 1, nC])',
          inputs: convArb(),
          numRuns: 10,
          show: showConv,
          holds: async ({ APrev, W, b, hp }, ctx) => {
            const dZ = full(convShape(APrev, W, hp), 1);
            const [dAPrev, dW, db] = threeGradients(await ctx.call('convBackward', [dZ, [APrev, W, b, hp]]));
            const hint = (got: number[]) =>
              got.length === 4 && got[1] === APrev.shape[1]! + 2 * hp.pad && got[2] === APrev.shape[2]! + 2 * hp.pad
                ? 'dA_prev still has its padding: cut pad rows and columns off each side of dA_prev_pad.'
                : undefined;
            if (!sameShape(dAPrev.shape, APrev.shape)) violated(`dA_prev has shape ${formatShape(dAPrev.shape)}, expected ${formatShape(APrev.shape)} (the shape of A_prev).`, hint(dAPrev.shape));
            expectTensor(dW, 'dW', W.shape);
            expectTensor(db, 'db', b.shape);
          },
        }),
        property({
          name: 'db sums dZ',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          timeoutMs: SLOW,
          claim: 'For any shapes, db[0, 0, 0, c] = Σ dZ[:, :, :, c]: the sum over the examples, rows and columns of channel c (no 1/m)',
          inputs: convArb().chain((input) => tensor(convShape(input.APrev, input.W, input.hp), grid).map((dZ) => ({ ...input, dZ }))),
          numRuns: 10,
          show: showConv,
          holds: async ({ APrev, W, b, hp, dZ }, ctx) => {
            const [, , db] = threeGradients(await ctx.call('convBackward', [dZ, [APrev, W, b, hp]]));
            expectClose(db, (await oracle()).convBackwardJs(dZ, APrev, W, hp)[2], 'db', {}, { m: APrev.shape[0]! });
          },
        }),
        property({
          name: 'backward of the convolution',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          timeoutMs: SLOW,
          claim:
            'For any shapes, stride and pad, dA_prev and dW are the gradients of Σ(Z ⊙ dZ): every window adds W[:, :, :, c]·dZ[i, h, w, c] to its part of dA_prev_pad and a_slice_prev·dZ[i, h, w, c] to dW[:, :, :, c]',
          inputs: convArb().chain((input) => tensor(convShape(input.APrev, input.W, input.hp), grid).map((dZ) => ({ ...input, dZ }))),
          numRuns: 10,
          show: showConv,
          holds: async ({ APrev, W, b, hp, dZ }, ctx) => {
            const [dAPrev, dW] = threeGradients(await ctx.call('convBackward', [dZ, [APrev, W, b, hp]]));
            const [eA, eW] = (await oracle()).convBackwardJs(dZ, APrev, W, hp);
            expectTensor(dAPrev, 'dA_prev', APrev.shape);
            expectClose(dAPrev, eA, 'dA_prev');
            expectClose(dW, eW, 'dW');
          },
        }),
        convGradientCheck(0),
        convGradientCheck(1),
      ],
    },
    {
      name: 'createMaskFromWindow',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(16);
            return [
              { name: 'x [2, 3]', args: [s.randn([2, 3])] },
              { name: 'x [4, 2]', args: [s.randn([4, 2])] },
              { name: 'x [3, 3] with its maximum twice', args: [nd([0.5, 2, -1, 1.5, 0, 2, -0.5, 1, 2], [3, 3])] },
            ];
          },
        }),
        property({
          name: 'one mark at the first maximum',
          points: 1,
          claim: 'For any x (ties included), the mask has shape of x, holds a single 1 and zeros elsewhere, and the 1 is at the first (row-major) entry equal to max(x)',
          inputs: dims({ r: 3, c: 3 }).chain(({ r, c }) => tensor([r, c], { min: -1, max: 1, step: 0.5 })),
          numRuns: 20,
          holds: async (x, ctx) => {
            const mask = expectTensor(await ctx.call('createMaskFromWindow', [x]), 'the mask', x.shape);
            const ones = mask.data.flatMap((v, k) => (v === 0 ? [] : [k]));
            if (mask.data.some((v) => v !== 0 && v !== 1)) violated(`the mask holds ${formatNumber(mask.data.find((v) => v !== 0 && v !== 1)!)}: it should hold only 0s and 1s.`);
            const max = Math.max(...x.data);
            const first = x.data.indexOf(max);
            if (ones.length > 1 && ones.every((k) => x.data[k] === max)) {
              violated(
                `the mask marks ${ones.length} entries, every one equal to the maximum ${formatNumber(max)}.`,
                'On a tie, mark only the first maximum (tf.argMax of the flattened window): max passes its gradient to one input, and marking every tied entry would hand the same gradient out several times.',
              );
            }
            if (ones.length !== 1) violated(`the mask marks ${ones.length} entries; it should mark exactly one.`);
            if (ones[0] !== first) violated(`the mask marks ${idx(x.shape, ones[0]!)} (x = ${formatNumber(x.data[ones[0]!]!)}), but the first maximum ${formatNumber(max)} is at ${idx(x.shape, first)}.`);
          },
        }),
      ],
    },
    {
      name: 'distributeValue',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          // dz and the sizes are drawn from Seeded, so the hidden cases have values of their own (a table of the public
          // answers earns nothing there): a square window with dz > 0, a wider-than-tall one with dz < 0, a single row.
          cases: async () => {
            const s = new Seeded(19);
            const [u, k, a, b] = s.uniform([4]).data as [number, number, number, number];
            const dzOf = (sign: number) => sign * Math.round(30 * s.uniform([1], 0.1, 1).data[0]!) / 10;
            return (
              [
                [dzOf(1), 2 + Math.floor(3 * u), 2 + Math.floor(3 * u)],
                [dzOf(-1), 2 + Math.floor(2 * k), 4 + Math.floor(2 * a)],
                [dzOf(1), 1, 3 + Math.floor(4 * b)],
              ] as const
            ).map(([dz, nH, nW]) => ({ name: `dz = ${dz}, shape [${nH}, ${nW}]`, args: [dz, [nH, nW]], constants: { 'nH·nW': nH * nW } }));
          },
        }),
        property({
          name: 'an even split',
          points: 1,
          claim: 'For any dz and shape [nH, nW], the result has that shape, all its values are equal, and they sum to dz',
          inputs: fc.record({ dz: fc.integer({ min: -8, max: 8 }).map((k) => k / 2), sizes: dims({ nH: 4, nW: 4 }) }).map(({ dz, sizes }) => ({ dz, ...sizes })),
          numRuns: 20,
          holds: async ({ dz, nH, nW }, ctx) => {
            const out = expectTensor(await ctx.call('distributeValue', [dz, [nH, nW]]), `distributeValue(${dz}, [${nH}, ${nW}])`, [nH, nW]);
            if (out.data.some((v) => !near(out.data[0]!, v))) violated('the values are not all equal: an average gives each of its inputs the same share.');
            const total = out.data.reduce((a, v) => a + v, 0);
            if (!near(dz, total)) {
              // Which divisor? Asked again on a window whose candidate divisors all differ (3 + 5, 3, 5, 1, 1/15 vs 15).
              const probe = expectTensor(await ctx.call('distributeValue', [1.5, [3, 5]]), 'distributeValue(1.5, [3, 5])', [3, 5]);
              const divisor = 1.5 / probe.data[0]!;
              const known = DISTRIBUTE_HINTS.find(([d]) => near(divisor, d));
              violated(`the values sum to ${formatNumber(total)}, not to dz = ${dz}: each should be dz / (nH·nW) = ${formatNumber(dz / (nH * nW))}.`, known?.[1]);
            }
          },
        }),
      ],
    },
    {
      name: 'poolBackward',
      dependsOn: ['poolForward', 'createMaskFromWindow', 'distributeValue'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          timeoutMs: SLOW,
          cases: async (ref) => {
            const s = new Seeded(17);
            return Promise.all(
              (
                [
                  [[2, 4, 4, 2], 2, 1, 'max'],
                  [[2, 5, 5, 2], 3, 2, 'average'],
                  [[1, 4, 6, 3], 2, 2, 'max'],
                  [[1, 4, 5, 2], 2, 1, 'average'],
                ] as const
              ).map(async ([A, f, stride, mode]) => {
                const [out, cache] = (await callOrThrow(ref, 'poolForward', [s.randn([...A]), { f, stride }, mode])) as [NdArray, Value];
                return { name: `A_prev [${A.join(', ')}], f ${f}, stride ${stride}, '${mode}'`, args: [s.randn(out.shape), cache, mode], constants: { f, 'f²': f * f } };
              }),
            );
          },
        }),
        reference({
          name: 'ties go to the first maximum',
          points: 1,
          timeoutMs: SLOW,
          cases: async (ref) => {
            // Values on a coarse grid, so windows hold tied maxima: 'max' routes each window's
            // gradient to its first (row-major) maximum only, as createMaskFromWindow marks it.
            const s = new Seeded(18);
            const grid = (shape: number[]) => {
              const r = s.randn(shape);
              return nd(r.data.map((v) => Math.min(2, Math.max(-2, Math.round(v)))), shape);
            };
            return Promise.all(
              (
                [
                  [[1, 4, 4, 2], 2, 2],
                  [[2, 4, 5, 1], 2, 1],
                ] as const
              ).map(async ([A, f, stride]) => {
                const [out, cache] = (await callOrThrow(ref, 'poolForward', [grid([...A]), { f, stride }, 'max'])) as [NdArray, Value];
                return { name: `A_prev [${A.join(', ')}] of integers in [−2, 2] (tied maxima), f ${f}, stride ${stride}, 'max'`, args: [s.randn(out.shape), cache, 'max'] };
              }),
            );
          },
        }),
        property({
          name: 'gradient conserved',
          points: 2,
          timeoutMs: SLOW,
          claim:
            'For any input (ties included), in both modes, dA_prev has the shape of A_prev and, per example and channel, Σ dA_prev = Σ dA: every window hands all of its gradient back, to one input (max) or split evenly (average), and overlapping windows add up',
          inputs: poolArb((shape) => tensor(shape, { min: -1, max: 1, step: 0.5 })).chain((input) => tensor(poolShape(input.APrev, input.hp), { min: 0.25, max: 2, step: 0.25 }).map((dA) => ({ ...input, dA }))),
          numRuns: 15,
          show: showPool,
          holds: async ({ APrev, hp, mode, dA }, ctx) => {
            const dAPrev = expectTensor(await ctx.call('poolBackward', [dA, [APrev, hp], mode]), `poolBackward(dA, cache, '${mode}')`, APrev.shape);
            const got = channelSums(dAPrev);
            const want = channelSums(dA);
            const k = got.findIndex((g, j) => !near(want[j]!, g));
            if (k >= 0) {
              const nC = APrev.shape[3]!;
              violated(`for example ${Math.floor(k / nC)}, channel ${k % nC}, dA_prev sums to ${formatNumber(got[k]!)} but dA sums to ${formatNumber(want[k]!)}.`);
            }
          },
        }),
        property({
          name: 'routes each window',
          points: 1,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          timeoutMs: SLOW,
          claim:
            "For inputs without ties, in both modes, dA_prev is the sum over windows of mask(window)·dA[i, h, w, c] ('max': 1 at the window's maximum) or dA[i, h, w, c]/f² on every input of the window ('average')",
          inputs: poolArb((shape) => distinctArb(shape)).chain((input) => tensor(poolShape(input.APrev, input.hp), grid).map((dA) => ({ ...input, dA }))),
          numRuns: 15,
          show: showPool,
          holds: async ({ APrev, hp, mode, dA }, ctx) => {
            const dAPrev = expectTensor(await ctx.call('poolBackward', [dA, [APrev, hp], mode]), `poolBackward(dA, cache, '${mode}')`, APrev.shape);
            const expected = (await oracle()).poolBackwardJs(dA, APrev, hp, mode);
            // 'average' dividing by f instead of f²: every value f times too large (the generic diagnosis would only say "f").
            const byF = { ...expected, data: expected.data.map((v) => v * hp.f) };
            if (mode === 'average' && hp.f > 1 && expected.data.some((v) => v !== 0) && withinTolerance(byF, dAPrev)) {
              violated(`dA_prev ('average') is ${hp.f}× (f×) the expected one everywhere: ${formatNd(dAPrev)} instead of ${formatNd(expected)}.`, AVERAGE_BY_F);
            }
            expectClose(dAPrev, expected, `dA_prev ('${mode}')`, {}, { f: hp.f, 'f²': hp.f * hp.f });
          },
        }),
        poolGradientCheck('max'),
        poolGradientCheck('average'),
      ],
    },
  ],
});
