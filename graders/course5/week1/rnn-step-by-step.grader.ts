/**
 * Grader: course 5, week 1 — building a recurrent network step by step.
 *
 * Forward functions: seeded reference cases, and properties that tie the
 * pieces together (a forward pass is the cell folded over time, a sequence of
 * length 1 is one cell step, softmax columns sum to 1, the batch can be
 * permuted, gates saturated open or shut carry the state, with zero weights
 * the biases alone decide). Backward functions: reference cases on caches from
 * the reference forward pass; gradient checks against central differences of
 * Σ(R ⊙ output) computed with the learner's own forward pass, so ∂J/∂output = R
 * is what the backward pass gets (cells entry by entry, 8-step sequences along
 * random directions); and, hidden, tf.grads of a TensorFlow.js re-implementation
 * (rnn.oracle.ts) fed to the learner's backward pass as caches.
 */
import * as fc from 'fast-check';
import { dim, dims, tensor } from '../../engine/arbitraries';
import { expectArray, expectClose, expectRecord, expectTensor, violated, Violation } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { CallFailure, callOrThrow } from '../../engine/implementation';
import { formatNumber, nd, zeros, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { scaleOf, tolerance } from '../../engine/tolerance';
import type { Value, ValueRecord } from '../../engine/values';

// ---------------------------------------------------------------- helpers

type Dims = { nX: number; nA: number; nY: number; m: number };

const rnnParams = (s: Seeded, { nX, nA, nY }: Dims, scale = 1) => ({
  Waa: s.randn([nA, nA], scale),
  Wax: s.randn([nA, nX], scale),
  Wya: s.randn([nY, nA], scale),
  ba: s.randn([nA, 1], scale),
  by: s.randn([nY, 1], scale),
});
const lstmParams = (s: Seeded, { nX, nA, nY }: Dims, scale = 1) => ({
  Wf: s.randn([nA, nA + nX], scale),
  bf: s.randn([nA, 1], scale),
  Wi: s.randn([nA, nA + nX], scale),
  bi: s.randn([nA, 1], scale),
  Wc: s.randn([nA, nA + nX], scale),
  bc: s.randn([nA, 1], scale),
  Wo: s.randn([nA, nA + nX], scale),
  bo: s.randn([nA, 1], scale),
  Wy: s.randn([nY, nA], scale),
  by: s.randn([nY, 1], scale),
});
const gruParams = (s: Seeded, { nX, nA, nY }: Dims, scale = 1) => ({
  Wu: s.randn([nA, nA + nX], scale),
  bu: s.randn([nA, 1], scale),
  Wr: s.randn([nA, nA + nX], scale),
  br: s.randn([nA, 1], scale),
  Wc: s.randn([nA, nA + nX], scale),
  bc: s.randn([nA, 1], scale),
  Wy: s.randn([nY, nA], scale),
  by: s.randn([nY, 1], scale),
});

/** x[:, :, t] of a [n, m, T] array. */
function stepOf(x: NdArray, t: number): NdArray {
  const [n, m, T] = x.shape as [number, number, number];
  const out = new Array<number>(n * m);
  for (let k = 0; k < n * m; k++) out[k] = x.data[k * T + t]!;
  return nd(out, [n, m]);
}
/** A [n, m] array as a [n, m, 1] sequence. */
const asSequence = (a: NdArray) => nd(a.data, [a.shape[0]!, a.shape[1]!, 1]);
/** Columns reversed (the last axis of a 2-D array or the middle axis of a 3-D one). */
function reverseColumns(a: NdArray): NdArray {
  const [n, m] = a.shape as [number, number];
  const T = a.shape[2] ?? 1;
  const out = new Array<number>(a.data.length);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) for (let t = 0; t < T; t++) out[(i * m + j) * T + t] = a.data[(i * m + (m - 1 - j)) * T + t]!;
  return nd(out, [...a.shape]);
}
const dot = (a: NdArray, b: NdArray) => a.data.reduce((s, x, i) => s + x * b.data[i]!, 0);

// A float32 softmax column sums to 1 up to a few roundings per entry (summed here in float64): a few u.
const nearOne = (x: number) => withinTolerance(1, x, tolerance('elementwise'));

function expectColumnsSumTo1(y: NdArray, what: string): void {
  const [n, m] = y.shape as [number, number];
  const T = y.shape[2] ?? 1;
  for (let j = 0; j < m; j++) {
    for (let t = 0; t < T; t++) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const v = y.data[(i * m + j) * T + t]!;
        if (!(v >= 0 && v <= 1)) violated(`${what} holds ${formatNumber(v)}, not a probability.`, 'The predictions are a softmax: exp(z) / Σ exp(z).');
        sum += v;
      }
      if (!nearOne(sum)) {
        // Rows (one class over the examples) summing to 1: a softmax over the examples; otherwise nothing normalised.
        let rowsSumTo1 = true;
        for (let i = 0; i < n; i++) {
          let row = 0;
          for (let jj = 0; jj < m; jj++) row += y.data[(i * m + jj) * T + t]!;
          if (!nearOne(row)) rowsSumTo1 = false;
        }
        violated(
          `column ${j}${y.shape.length === 3 ? ` of step ${t}` : ''} of ${what} sums to ${formatNumber(sum)}, not 1.`,
          rowsSumTo1
            ? 'Take the softmax over the first axis (the nY classes of each example), not over the examples.'
            : 'The predictions are a softmax over the nY classes of each example, exp(z) / Σ exp(z) down each column, so every column sums to 1: a sigmoid of each value (or an exp left unnormalised) does not.',
        );
      }
    }
  }
}

// ---------------------------------------------------------------- calls

async function rnnCell(ctx: CheckContext, xt: NdArray, aPrev: NdArray, p: ValueRecord): Promise<[NdArray, NdArray, Value]> {
  const out = expectArray(await ctx.call('rnnCellForward', [xt, aPrev, p]), 'rnnCellForward(xt, aPrev, parameters)', 3);
  return [expectTensor(out[0]!, 'aNext (the first item rnnCellForward returns)'), expectTensor(out[1]!, 'ytPred (the second item)'), out[2]!];
}
async function rnnFwd(ctx: CheckContext, x: NdArray, a0: NdArray, p: ValueRecord): Promise<[NdArray, NdArray, Value]> {
  const out = expectArray(await ctx.call('rnnForward', [x, a0, p]), 'rnnForward(x, a0, parameters)', 3);
  return [expectTensor(out[0]!, 'a (the first item rnnForward returns)'), expectTensor(out[1]!, 'yPred (the second item)'), out[2]!];
}
async function lstmCell(ctx: CheckContext, xt: NdArray, aPrev: NdArray, cPrev: NdArray, p: ValueRecord): Promise<[NdArray, NdArray, NdArray, Value]> {
  const out = expectArray(await ctx.call('lstmCellForward', [xt, aPrev, cPrev, p]), 'lstmCellForward(xt, aPrev, cPrev, parameters)', 4);
  return [
    expectTensor(out[0]!, 'aNext (the first item lstmCellForward returns)'),
    expectTensor(out[1]!, 'cNext (the second item)'),
    expectTensor(out[2]!, 'ytPred (the third item)'),
    out[3]!,
  ];
}
async function lstmFwd(ctx: CheckContext, x: NdArray, a0: NdArray, p: ValueRecord): Promise<[NdArray, NdArray, NdArray, Value]> {
  const out = expectArray(await ctx.call('lstmForward', [x, a0, p]), 'lstmForward(x, a0, parameters)', 4);
  return [expectTensor(out[0]!, 'a (the first item lstmForward returns)'), expectTensor(out[1]!, 'y (the second item)'), expectTensor(out[2]!, 'c (the third item)'), out[3]!];
}
async function gruCell(ctx: CheckContext, xt: NdArray, cPrev: NdArray, p: ValueRecord): Promise<[NdArray, NdArray, Value]> {
  const out = expectArray(await ctx.call('gruCellForward', [xt, cPrev, p]), 'gruCellForward(xt, cPrev, parameters)', 3);
  return [expectTensor(out[0]!, 'cNext (the first item gruCellForward returns)'), expectTensor(out[1]!, 'ytPred (the second item)'), out[2]!];
}
async function gruFwd(ctx: CheckContext, x: NdArray, c0: NdArray, p: ValueRecord): Promise<[NdArray, NdArray, Value]> {
  const out = expectArray(await ctx.call('gruForward', [x, c0, p]), 'gruForward(x, c0, parameters)', 3);
  return [expectTensor(out[0]!, 'c (the first item gruForward returns)'), expectTensor(out[1]!, 'yPred (the second item)'), out[2]!];
}

// ---------------------------------------------------------------- arbitraries

const range = { min: -1.5, max: 1.5 };
// nX, nA, nY and m mostly differ (m up to 4, else nA would always be 4): a transposed weight or
// a softmax over the wrong axis then shows. Tx stays free: single steps fix it at 1. A whole sequence has at least
// 2 steps: TensorFlow.js cannot differentiate through tf.unstack of a single step, so a correct backward pass
// written with tf.grads over the sequence would fail on Tx = 1 for the library's sake, not the learner's.
const TxOf = (TxMax: number) => dim(TxMax, Math.min(2, TxMax));
const dimsArb = dims({ nX: 3, nA: 4, nY: [2, 3], m: 4 });
const rnnArb = (TxMax = 3) =>
  fc.tuple(dimsArb, TxOf(TxMax)).chain(([{ nX, nA, nY, m }, Tx]) =>
    fc.record({
      x: tensor([nX, m, Tx], range),
      a0: tensor([nA, m], range),
      p: fc.record({ Waa: tensor([nA, nA], range), Wax: tensor([nA, nX], range), Wya: tensor([nY, nA], range), ba: tensor([nA, 1], range), by: tensor([nY, 1], range) }),
    }),
  );
const gatedArb = (names: string[], TxMax = 3) =>
  fc.tuple(dimsArb, TxOf(TxMax)).chain(([{ nX, nA, nY, m }, Tx]) =>
    fc.record({
      x: tensor([nX, m, Tx], range),
      a0: tensor([nA, m], range),
      c0: tensor([nA, m], range),
      p: fc.record({
        ...Object.fromEntries(names.flatMap((g) => [[`W${g}`, tensor([nA, nA + nX], range)], [`b${g}`, tensor([nA, 1], range)]])),
        Wy: tensor([nY, nA], range),
        by: tensor([nY, 1], range),
      }) as fc.Arbitrary<Record<string, NdArray>>,
    }),
  );
const lstmArb = (TxMax = 3) => gatedArb(['f', 'i', 'c', 'o'], TxMax);
const gruArb = (TxMax = 3) => gatedArb(['u', 'r', 'c'], TxMax);
const RUNS = 8;

/** Adds R, a random ∂J/∂output of the given shape, to each input. */
const withR = <T extends { x?: NdArray; a0: NdArray }>(arb: fc.Arbitrary<T>, shapeOf: (input: T) => number[]) =>
  arb.chain((input) => tensor(shapeOf(input), range).map((R) => ({ ...input, R })));
const seqShape = ({ x, a0 }: { x?: NdArray; a0: NdArray }) => [a0.shape[0]!, a0.shape[1]!, x!.shape[2]!];

// The oracle (tf.grads of a TensorFlow.js re-implementation) is grader-only: its checks are hidden.
const oracle = () => import('./rnn.oracle');
function expectOracleGradients(got: ValueRecord, expected: Record<string, Value>, fn: string): void {
  // Sums over steps cancel: a gradient can be far smaller than the others, so the floor is tied to all of them.
  const tol = tolerance('backward', { scale: scaleOf(Object.values(expected)) });
  for (const [k, v] of Object.entries(expected)) expectClose(got[k]!, v, `${k} from ${fn}`, tol);
}

// ---------------------------------------------------------------- gradient-check points

// Cells are checked entry by entry (small shapes); sequences, LONG steps of them, along random directions.
const gradDims: Dims = { nX: 3, nA: 4, nY: 2, m: 2 };
const LONG = 8;
const points = (() => {
  const s = new Seeded(51);
  const d = gradDims;
  return {
    rnnCell: { xt: s.randn([d.nX, d.m]), aPrev: s.randn([d.nA, d.m]), p: rnnParams(s, d, 0.6), R: s.randn([d.nA, d.m]) },
    rnn: { x: s.randn([d.nX, d.m, LONG]), a0: s.randn([d.nA, d.m]), p: rnnParams(s, d, 0.6), R: s.randn([d.nA, d.m, LONG]) },
    lstmCell: { xt: s.randn([d.nX, d.m]), aPrev: s.randn([d.nA, d.m]), cPrev: s.randn([d.nA, d.m]), p: lstmParams(s, d, 0.6), Ra: s.randn([d.nA, d.m]), Rc: s.randn([d.nA, d.m]) },
    lstm: { x: s.randn([d.nX, d.m, LONG]), a0: s.randn([d.nA, d.m]), p: lstmParams(s, d, 0.6), R: s.randn([d.nA, d.m, LONG]) },
    gruCell: { xt: s.randn([d.nX, d.m]), cPrev: s.randn([d.nA, d.m]), p: gruParams(s, d, 0.8), R: s.randn([d.nA, d.m]) },
  };
})();

const lstmGates = ['Wf', 'bf', 'Wi', 'bi', 'Wc', 'bc', 'Wo', 'bo'] as const;
const gruGates = ['Wu', 'bu', 'Wr', 'br', 'Wc', 'bc'] as const;
const pick = (q: Record<string, NdArray>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, q[k]!]));
const grads = (g: ValueRecord, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, g[`d${k}`]]));

// ---------------------------------------------------------------- the assignment

const HINT_STEPS_OF_DA =
  "The number of steps is da's last dimension, Tx = da.shape[2], not the number of caches: go from t = Tx − 1 down to 0 with caches[t], and return dx of Tx steps. The course's own example passes 4 steps of da for a 7-step forward pass.";

/**
 * As in the course (whose example passes 4 steps of da for a 7-step forward pass), the number of steps of rnnBackward
 * and lstmBackward is da's last dimension: with da for the first T′ steps of a longer forward pass they return what
 * they return for a forward pass of those T′ steps alone.
 */
function stepsOfDa(kind: 'rnn' | 'lstm') {
  const fn = kind === 'rnn' ? 'rnnBackward' : 'lstmBackward';
  const keys = ['dx', 'da0', ...(kind === 'rnn' ? ['dWax', 'dWaa', 'dba'] : lstmGates.map((k) => `d${k}`))];
  const arb: fc.Arbitrary<{ x: NdArray; a0: NdArray; p: ValueRecord }> = kind === 'rnn' ? rnnArb(5) : lstmArb(5);
  const cachesOf = async (ctx: CheckContext, x: NdArray, a0: NdArray, p: ValueRecord): Promise<Value> =>
    kind === 'rnn' ? (await rnnFwd(ctx, x, a0, p))[2] : (await lstmFwd(ctx, x, a0, p))[3];
  return property({
    name: "the number of steps is da's",
    points: 1,
    claim: `As in the course (whose example passes 4 steps of da for a 7-step forward pass), the number of steps is da's last dimension: ${fn}(da, caches) with da for the first T′ steps of a longer forward pass returns what it returns for a forward pass of those T′ steps alone`,
    // Both sequences have at least 2 steps, as everywhere here (tf.grads cannot go through tf.unstack of one step).
    inputs: arb
      .filter((input) => input.x.shape[2]! >= 3)
      .chain((input) => {
        const [nA, m] = input.a0.shape as [number, number];
        return dim(input.x.shape[2]! - 1, 2).chain((T) => tensor([nA, m, T], range).map((R) => ({ ...input, R })));
      }),
    numRuns: 6,
    holds: async ({ x, a0, p, R }, ctx) => {
      const [nX, m, Tx] = x.shape as [number, number, number];
      const T = R.shape[2]!;
      const first = nd(
        Array.from({ length: nX * m * T }, (_, k) => x.data[Math.floor(k / T) * Tx + (k % T)]!),
        [nX, m, T],
      );
      const shortCaches = await cachesOf(ctx, first, a0, p);
      const want = expectRecord(await ctx.call(fn, [R, shortCaches]), `${fn}(da, caches) for a forward pass of ${T} steps`, keys);
      const caches = await cachesOf(ctx, x, a0, p);
      let got: ValueRecord;
      try {
        got = expectRecord(await ctx.call(fn, [R, caches]), `${fn}(da, caches) for da of ${T} steps and a forward pass of ${Tx}`, keys);
      } catch (err) {
        if (err instanceof CallFailure && err.outcome.status === 'threw') {
          violated(`${fn}(da, caches) threw an error with da of ${T} steps and caches of a ${Tx}-step forward pass: ${err.outcome.message}`, HINT_STEPS_OF_DA);
        }
        throw err;
      }
      const dx = expectTensor(got.dx!, 'dx');
      if (dx.shape.length !== 3 || dx.shape[2] !== T) {
        violated(`with da of ${T} steps and caches of a ${Tx}-step forward pass, dx has the shape [${dx.shape.join(', ')}], not [${nX}, ${m}, ${T}].`, HINT_STEPS_OF_DA);
      }
      for (const k of keys) {
        try {
          expectClose(got[k]!, want[k]!, `${k} with da of ${T} steps and caches of a ${Tx}-step forward pass (compared with your ${k} for a ${T}-step forward pass)`);
        } catch (err) {
          if (err instanceof Violation) violated(err.message, HINT_STEPS_OF_DA);
          throw err;
        }
      }
    },
  });
}

export default defineAssignment({
  id: 'course5/week1/rnn-step-by-step',
  title: 'Building a recurrent network step by step',
  exercises: [
    {
      name: 'rnnCellForward',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(1);
            return [
              { nX: 4, nA: 3, nY: 3, m: 5 },
              { nX: 2, nA: 6, nY: 4, m: 3 },
            ].map((d) => ({ name: `nX = ${d.nX}, nA = ${d.nA}, nY = ${d.nY}, m = ${d.m}`, args: [s.randn([d.nX, d.m]), s.randn([d.nA, d.m]), rnnParams(s, d)] }));
          },
        }),
        property({
          name: 'predictions are distributions',
          points: 1,
          claim: 'ytPred is [nY, m] and each column (one example) is a probability distribution summing to 1',
          inputs: rnnArb(1),
          numRuns: RUNS,
          holds: async ({ x, a0, p }, ctx) => {
            const [, yt] = await rnnCell(ctx, stepOf(x, 0), a0, p);
            expectTensor(yt, 'ytPred', [p.Wya.shape[0]!, a0.shape[1]!]);
            expectColumnsSumTo1(yt, 'ytPred');
          },
        }),
        property({
          name: 'permuting the batch',
          points: 1,
          claim: 'Examples are independent: reversing the order of the columns of xt and aPrev reverses the columns of aNext and ytPred',
          inputs: rnnArb(1),
          numRuns: RUNS,
          holds: async ({ x, a0, p }, ctx) => {
            const xt = stepOf(x, 0);
            const [a, y] = await rnnCell(ctx, xt, a0, p);
            const [ar, yr] = await rnnCell(ctx, reverseColumns(xt), reverseColumns(a0), p);
            expectClose(ar, reverseColumns(a), 'aNext of the reversed batch');
            expectClose(yr, reverseColumns(y), 'ytPred of the reversed batch');
          },
        }),
      ],
    },
    {
      name: 'rnnForward',
      dependsOn: ['rnnCellForward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(2);
            return [
              { d: { nX: 2, nA: 4, nY: 3, m: 3 }, Tx: 5 },
              { d: { nX: 3, nA: 3, nY: 2, m: 4 }, Tx: 2 },
            ].map(({ d, Tx }) => ({ name: `nX = ${d.nX}, nA = ${d.nA}, m = ${d.m}, Tx = ${Tx}`, args: [s.randn([d.nX, d.m, Tx]), s.randn([d.nA, d.m]), rnnParams(s, d)] }));
          },
        }),
        property({
          name: 'the cell folded over time',
          points: 2,
          claim: 'a[:, :, t] and yPred[:, :, t] are rnnCellForward applied to x[:, :, t] and the previous hidden state (a0 at t = 0)',
          inputs: rnnArb(),
          numRuns: RUNS,
          holds: async ({ x, a0, p }, ctx) => {
            const [a, y] = await rnnFwd(ctx, x, a0, p);
            const [nA, m, Tx] = [a0.shape[0]!, a0.shape[1]!, x.shape[2]!];
            expectTensor(a, 'a', [nA, m, Tx]);
            expectTensor(y, 'yPred', [p.Wya.shape[0]!, m, Tx]);
            let prev = a0;
            for (let t = 0; t < Tx; t++) {
              const [at, yt] = await rnnCell(ctx, stepOf(x, t), prev, p);
              expectClose(stepOf(a, t), at, `a[:, :, ${t}]`);
              expectClose(stepOf(y, t), yt, `yPred[:, :, ${t}]`);
              prev = at;
            }
          },
        }),
        property({
          name: 'a sequence of length 1',
          points: 1,
          claim: 'For Tx = 1, rnnForward gives one cell step: a[:, :, 0] = tanh(Waa·a0 + Wax·x⟨0⟩ + ba) and its predictions sum to 1',
          inputs: rnnArb(1),
          numRuns: RUNS,
          holds: async ({ x, a0, p }, ctx) => {
            const [a, y] = await rnnFwd(ctx, x, a0, p);
            const [a1, y1] = await rnnCell(ctx, stepOf(x, 0), a0, p);
            expectClose(a, asSequence(a1), 'a');
            expectClose(y, asSequence(y1), 'yPred');
            expectColumnsSumTo1(y, 'yPred');
          },
        }),
        property({
          name: 'zero weights: the bias decides',
          points: 1,
          claim: 'With Wax = Waa = 0, every hidden state is tanh(ba) whatever x and a0 are: a[:, j, t] = tanh(ba) for every example j and step t',
          inputs: rnnArb(4),
          numRuns: RUNS,
          holds: async ({ x, a0, p }, ctx) => {
            const [nA, m, Tx] = [a0.shape[0]!, a0.shape[1]!, x.shape[2]!];
            const [a] = await rnnFwd(ctx, x, a0, { ...p, Wax: zeros([...p.Wax.shape]), Waa: zeros([nA, nA]) });
            const expected = nd(Array.from({ length: nA * m * Tx }, (_, k) => Math.tanh(p.ba.data[Math.floor(k / (m * Tx))]!)), [nA, m, Tx]);
            expectClose(expectTensor(a, 'a', [nA, m, Tx]), expected, 'a with Wax = Waa = 0');
          },
        }),
      ],
    },
    {
      name: 'lstmCellForward',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(3);
            return [
              { nX: 4, nA: 3, nY: 3, m: 5 },
              { nX: 2, nA: 5, nY: 2, m: 3 },
            ].map((d) => ({
              name: `nX = ${d.nX}, nA = ${d.nA}, nY = ${d.nY}, m = ${d.m}`,
              args: [s.randn([d.nX, d.m]), s.randn([d.nA, d.m]), s.randn([d.nA, d.m]), lstmParams(s, d)],
            }));
          },
        }),
        property({
          name: 'a saturated forget gate carries the cell',
          points: 1,
          claim: 'With Wf = 0, bf = 20 (forget gate ≈ 1) and Wi = 0, bi = −20 (update gate ≈ 0), cNext equals cPrev, and aNext = Γo * tanh(cPrev)',
          inputs: lstmArb(1),
          numRuns: RUNS,
          holds: async ({ x, a0, c0, p }, ctx) => {
            const q = { ...p, Wf: zeros([...p.Wf!.shape]), bf: nd(new Array(p.bf!.data.length).fill(20), [...p.bf!.shape]), Wi: zeros([...p.Wi!.shape]), bi: nd(new Array(p.bi!.data.length).fill(-20), [...p.bi!.shape]) };
            const [aNext, cNext, yt] = await lstmCell(ctx, stepOf(x, 0), a0, c0, q);
            expectClose(cNext, c0, 'cNext (it should be cPrev when the forget gate is open and the update gate shut)');
            if (aNext.data.some((v, i) => Math.abs(v) > Math.abs(Math.tanh(c0.data[i]!)) + 1e-5)) {
              violated('|aNext| exceeds |tanh(cNext)|: aNext = Γo * tanh(cNext) with Γo in (0, 1).');
            }
            expectColumnsSumTo1(yt, 'ytPred');
          },
        }),
      ],
    },
    {
      name: 'lstmForward',
      dependsOn: ['lstmCellForward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(4);
            return [
              { d: { nX: 2, nA: 3, nY: 3, m: 2 }, Tx: 3 },
              { d: { nX: 3, nA: 2, nY: 2, m: 3 }, Tx: 2 },
            ].map(({ d, Tx }) => ({ name: `nX = ${d.nX}, nA = ${d.nA}, m = ${d.m}, Tx = ${Tx}`, args: [s.randn([d.nX, d.m, Tx]), s.randn([d.nA, d.m]), lstmParams(s, d)] }));
          },
        }),
        property({
          name: 'the cell folded over time',
          points: 2,
          claim: 'a, y and c at step t are lstmCellForward applied to x[:, :, t] and the previous a and c (a0 and zeros at t = 0)',
          inputs: lstmArb(),
          numRuns: RUNS,
          holds: async ({ x, a0, p }, ctx) => {
            const [a, y, c] = await lstmFwd(ctx, x, a0, p);
            const [nA, m, Tx] = [a0.shape[0]!, a0.shape[1]!, x.shape[2]!];
            expectTensor(a, 'a', [nA, m, Tx]);
            expectTensor(c, 'c', [nA, m, Tx]);
            expectTensor(y, 'y', [p.Wy!.shape[0]!, m, Tx]);
            let [aPrev, cPrev] = [a0, zeros([nA, m])];
            for (let t = 0; t < Tx; t++) {
              const [at, ct, yt] = await lstmCell(ctx, stepOf(x, t), aPrev, cPrev, p);
              expectClose(stepOf(a, t), at, `a[:, :, ${t}]`);
              expectClose(stepOf(c, t), ct, `c[:, :, ${t}]`);
              expectClose(stepOf(y, t), yt, `y[:, :, ${t}]`);
              [aPrev, cPrev] = [at, ct];
            }
          },
        }),
        property({
          name: 'a sequence of length 1',
          points: 1,
          claim: 'For Tx = 1, lstmForward gives one cell step from a0 and c = 0, and its predictions sum to 1',
          inputs: lstmArb(1),
          numRuns: RUNS,
          holds: async ({ x, a0, p }, ctx) => {
            const [a, y, c] = await lstmFwd(ctx, x, a0, p);
            const [a1, c1, y1] = await lstmCell(ctx, stepOf(x, 0), a0, zeros([...a0.shape]), p);
            expectClose(a, asSequence(a1), 'a');
            expectClose(c, asSequence(c1), 'c');
            expectClose(y, asSequence(y1), 'y');
            expectColumnsSumTo1(y, 'y');
          },
        }),
        property({
          name: 'zero weights: the biases decide',
          points: 1,
          claim: 'With every gate weight zero (Wf, Wi, Wc, Wo = 0), the gates are σ of their biases whatever x and a0 are: c⟨t⟩ = σ(bf)·c⟨t−1⟩ + σ(bi)·tanh(bc) from c = 0, and a⟨t⟩ = σ(bo)·tanh(c⟨t⟩), for every example',
          inputs: lstmArb(4),
          numRuns: RUNS,
          holds: async ({ x, a0, p }, ctx) => {
            const [nA, m, Tx] = [a0.shape[0]!, a0.shape[1]!, x.shape[2]!];
            const zeroed = Object.fromEntries(['Wf', 'Wi', 'Wc', 'Wo'].map((k) => [k, zeros([...p[k]!.shape])]));
            const [a, , c] = await lstmFwd(ctx, x, a0, { ...p, ...zeroed });
            const sig = (v: number) => 1 / (1 + Math.exp(-v));
            const [aData, cData] = [new Array<number>(nA * m * Tx), new Array<number>(nA * m * Tx)];
            for (let i = 0; i < nA; i++) {
              let ci = 0;
              for (let t = 0; t < Tx; t++) {
                ci = sig(p.bf!.data[i]!) * ci + sig(p.bi!.data[i]!) * Math.tanh(p.bc!.data[i]!);
                const ai = sig(p.bo!.data[i]!) * Math.tanh(ci);
                for (let j = 0; j < m; j++) [aData[(i * m + j) * Tx + t], cData[(i * m + j) * Tx + t]] = [ai, ci];
              }
            }
            expectClose(expectTensor(c, 'c', [nA, m, Tx]), nd(cData, [nA, m, Tx]), 'c with zero gate weights');
            expectClose(expectTensor(a, 'a', [nA, m, Tx]), nd(aData, [nA, m, Tx]), 'a with zero gate weights');
          },
        }),
      ],
    },
    {
      name: 'rnnCellBackward',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async (ref) => {
            const s = new Seeded(5);
            return Promise.all(
              [
                { nX: 4, nA: 3, nY: 2, m: 5 },
                { nX: 2, nA: 5, nY: 3, m: 3 },
              ].map(async (d) => {
                const out = (await callOrThrow(ref, 'rnnCellForward', [s.randn([d.nX, d.m]), s.randn([d.nA, d.m]), rnnParams(s, d)])) as Value[];
                return { name: `nX = ${d.nX}, nA = ${d.nA}, m = ${d.m}`, args: [s.randn([d.nA, d.m]), out[2]!], constants: { m: d.m } };
              }),
            );
          },
        }),
        gradient({
          name: 'gradient check',
          points: 3,
          mode: 'entries',
          at: () => ({ xt: points.rnnCell.xt, aPrev: points.rnnCell.aPrev, Wax: points.rnnCell.p.Wax, Waa: points.rnnCell.p.Waa, ba: points.rnnCell.p.ba }),
          cost: async (ctx, q) => {
            const [a] = await rnnCell(ctx, q.xt!, q.aPrev!, { ...points.rnnCell.p, Wax: q.Wax!, Waa: q.Waa!, ba: q.ba! });
            return dot(expectTensor(a, 'aNext', [gradDims.nA, gradDims.m]), points.rnnCell.R);
          },
          gradients: async (ctx, q) => {
            const [, , cache] = await rnnCell(ctx, q.xt!, q.aPrev!, { ...points.rnnCell.p, Wax: q.Wax!, Waa: q.Waa!, ba: q.ba! });
            const g = expectRecord(await ctx.call('rnnCellBackward', [points.rnnCell.R, cache]), 'rnnCellBackward(daNext, cache)', ['dxt', 'daPrev', 'dWax', 'dWaa', 'dba']);
            return { xt: g.dxt, aPrev: g.daPrev, Wax: g.dWax, Waa: g.dWaa, ba: g.dba };
          },
        }),
      ],
    },
    {
      name: 'rnnBackward',
      dependsOn: ['rnnCellBackward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async (ref) => {
            const s = new Seeded(6);
            return Promise.all(
              [
                { d: { nX: 2, nA: 4, nY: 2, m: 3 }, Tx: 4 },
                { d: { nX: 3, nA: 3, nY: 2, m: 2 }, Tx: 3 },
              ].map(async ({ d, Tx }) => {
                const out = (await callOrThrow(ref, 'rnnForward', [s.randn([d.nX, d.m, Tx]), s.randn([d.nA, d.m]), rnnParams(s, d)])) as Value[];
                return { name: `nX = ${d.nX}, nA = ${d.nA}, m = ${d.m}, Tx = ${Tx}`, args: [s.randn([d.nA, d.m, Tx]), out[2]!], constants: { m: d.m, Tx } };
              }),
            );
          },
        }),
        gradient({
          name: 'gradient check (backpropagation through time)',
          points: 4,
          mode: 'directional',
          at: () => ({ x: points.rnn.x, a0: points.rnn.a0, Wax: points.rnn.p.Wax, Waa: points.rnn.p.Waa, ba: points.rnn.p.ba }),
          cost: async (ctx, q) => {
            const [a] = await rnnFwd(ctx, q.x!, q.a0!, { ...points.rnn.p, Wax: q.Wax!, Waa: q.Waa!, ba: q.ba! });
            return dot(expectTensor(a, 'a', [...points.rnn.R.shape]), points.rnn.R);
          },
          gradients: async (ctx, q) => {
            const [, , caches] = await rnnFwd(ctx, q.x!, q.a0!, { ...points.rnn.p, Wax: q.Wax!, Waa: q.Waa!, ba: q.ba! });
            const g = expectRecord(await ctx.call('rnnBackward', [points.rnn.R, caches]), 'rnnBackward(da, caches)', ['dx', 'da0', 'dWax', 'dWaa', 'dba']);
            return { x: g.dx, a0: g.da0, Wax: g.dWax, Waa: g.dWaa, ba: g.dba };
          },
        }),
        property({
          name: 'equals tf.grads of the forward pass',
          points: 2,
          hidden: true,
          usesTf: true,
          claim: 'For any shapes and sequence, given caches from a TensorFlow.js re-implementation of the forward pass (the course\'s cache layout), rnnBackward(da, caches) returns the gradients tf.grads computes for J = Σ da ⊙ a',
          inputs: withR(rnnArb(4), seqShape),
          numRuns: 6,
          holds: async ({ x, a0, p, R }, ctx) => {
            const o = (await oracle()).rnnOracle(await ctx.tf(), x, a0, p, R);
            const g = expectRecord(await ctx.call('rnnBackward', [R, o.caches]), 'rnnBackward(da, caches)', ['dx', 'da0', 'dWax', 'dWaa', 'dba']);
            expectOracleGradients(g, o.gradients, 'rnnBackward');
          },
        }),
        stepsOfDa('rnn'),
      ],
    },
    {
      name: 'lstmCellBackward',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async (ref) => {
            const s = new Seeded(7);
            return Promise.all(
              [
                { nX: 4, nA: 3, nY: 2, m: 4 },
                { nX: 2, nA: 5, nY: 3, m: 3 },
              ].map(async (d) => {
                const out = (await callOrThrow(ref, 'lstmCellForward', [s.randn([d.nX, d.m]), s.randn([d.nA, d.m]), s.randn([d.nA, d.m]), lstmParams(s, d)])) as Value[];
                return { name: `nX = ${d.nX}, nA = ${d.nA}, m = ${d.m}`, args: [s.randn([d.nA, d.m]), s.randn([d.nA, d.m]), out[3]!], constants: { m: d.m } };
              }),
            );
          },
        }),
        gradient({
          name: 'gradient check',
          points: 4,
          mode: 'entries',
          at: () => ({ xt: points.lstmCell.xt, aPrev: points.lstmCell.aPrev, cPrev: points.lstmCell.cPrev, ...pick(points.lstmCell.p, lstmGates) }),
          cost: async (ctx, q) => {
            const [a, c] = await lstmCell(ctx, q.xt!, q.aPrev!, q.cPrev!, { ...points.lstmCell.p, ...pick(q, lstmGates) });
            return dot(expectTensor(a, 'aNext', [gradDims.nA, gradDims.m]), points.lstmCell.Ra) + dot(expectTensor(c, 'cNext', [gradDims.nA, gradDims.m]), points.lstmCell.Rc);
          },
          gradients: async (ctx, q) => {
            const [, , , cache] = await lstmCell(ctx, q.xt!, q.aPrev!, q.cPrev!, { ...points.lstmCell.p, ...pick(q, lstmGates) });
            const g = expectRecord(await ctx.call('lstmCellBackward', [points.lstmCell.Ra, points.lstmCell.Rc, cache]), 'lstmCellBackward(daNext, dcNext, cache)', [
              'dxt',
              'daPrev',
              'dcPrev',
              ...lstmGates.map((k) => `d${k}`),
            ]);
            return { xt: g.dxt, aPrev: g.daPrev, cPrev: g.dcPrev, ...grads(g, lstmGates) };
          },
        }),
      ],
    },
    {
      name: 'lstmBackward',
      dependsOn: ['lstmCellBackward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async (ref) => {
            const s = new Seeded(8);
            return Promise.all(
              [
                { d: { nX: 2, nA: 3, nY: 2, m: 2 }, Tx: 3 },
                { d: { nX: 3, nA: 2, nY: 2, m: 3 }, Tx: 2 },
              ].map(async ({ d, Tx }) => {
                const out = (await callOrThrow(ref, 'lstmForward', [s.randn([d.nX, d.m, Tx]), s.randn([d.nA, d.m]), lstmParams(s, d)])) as Value[];
                return { name: `nX = ${d.nX}, nA = ${d.nA}, m = ${d.m}, Tx = ${Tx}`, args: [s.randn([d.nA, d.m, Tx]), out[3]!], constants: { m: d.m, Tx } };
              }),
            );
          },
        }),
        gradient({
          name: 'gradient check (backpropagation through time)',
          points: 4,
          mode: 'directional',
          at: () => ({ x: points.lstm.x, a0: points.lstm.a0, ...pick(points.lstm.p, lstmGates) }),
          cost: async (ctx, q) => {
            const [a] = await lstmFwd(ctx, q.x!, q.a0!, { ...points.lstm.p, ...pick(q, lstmGates) });
            return dot(expectTensor(a, 'a', [...points.lstm.R.shape]), points.lstm.R);
          },
          gradients: async (ctx, q) => {
            const [, , , caches] = await lstmFwd(ctx, q.x!, q.a0!, { ...points.lstm.p, ...pick(q, lstmGates) });
            const g = expectRecord(await ctx.call('lstmBackward', [points.lstm.R, caches]), 'lstmBackward(da, caches)', ['dx', 'da0', ...lstmGates.map((k) => `d${k}`)]);
            return { x: g.dx, a0: g.da0, ...grads(g, lstmGates) };
          },
        }),
        property({
          name: 'equals tf.grads of the forward pass',
          points: 2,
          hidden: true,
          usesTf: true,
          claim: 'For any shapes and sequence, given caches from a TensorFlow.js re-implementation of the forward pass (the course\'s cache layout), lstmBackward(da, caches) returns the gradients tf.grads computes for J = Σ da ⊙ a (c0 = 0)',
          inputs: withR(lstmArb(4), seqShape),
          numRuns: 6,
          holds: async ({ x, a0, p, R }, ctx) => {
            const o = (await oracle()).lstmOracle(await ctx.tf(), x, a0, p, R);
            const g = expectRecord(await ctx.call('lstmBackward', [R, o.caches]), 'lstmBackward(da, caches)', ['dx', 'da0', ...lstmGates.map((k) => `d${k}`)]);
            expectOracleGradients(g, o.gradients, 'lstmBackward');
          },
        }),
        stepsOfDa('lstm'),
      ],
    },
    {
      name: 'gruCellForward',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(9);
            return [
              { nX: 4, nA: 3, nY: 3, m: 5 },
              { nX: 2, nA: 5, nY: 2, m: 3 },
            ].map((d) => ({ name: `nX = ${d.nX}, nA = ${d.nA}, nY = ${d.nY}, m = ${d.m}`, args: [s.randn([d.nX, d.m]), s.randn([d.nA, d.m]), gruParams(s, d)] }));
          },
        }),
        property({
          name: 'a shut update gate carries the state',
          points: 1,
          claim: 'With Wu = 0 and bu = −20 (update gate Γu ≈ 0), cNext equals cPrev whatever the other parameters, and ytPred\'s columns sum to 1',
          inputs: gruArb(1),
          numRuns: RUNS,
          holds: async ({ x, c0, p }, ctx) => {
            const q = { ...p, Wu: zeros([...p.Wu!.shape]), bu: nd(new Array(p.bu!.data.length).fill(-20), [...p.bu!.shape]) };
            const [cNext, yt] = await gruCell(ctx, stepOf(x, 0), c0, q);
            expectClose(cNext, c0, 'cNext (it should be cPrev when the update gate is shut)');
            expectColumnsSumTo1(yt, 'ytPred');
          },
        }),
      ],
    },
    {
      name: 'gruForward',
      dependsOn: ['gruCellForward'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(10);
            return [
              { d: { nX: 2, nA: 3, nY: 3, m: 2 }, Tx: 3 },
              { d: { nX: 3, nA: 2, nY: 2, m: 3 }, Tx: 2 },
            ].map(({ d, Tx }) => ({ name: `nX = ${d.nX}, nA = ${d.nA}, m = ${d.m}, Tx = ${Tx}`, args: [s.randn([d.nX, d.m, Tx]), s.randn([d.nA, d.m]), gruParams(s, d)] }));
          },
        }),
        property({
          name: 'the cell folded over time',
          points: 2,
          claim: 'c[:, :, t] and yPred[:, :, t] are gruCellForward applied to x[:, :, t] and the previous state (c0 at t = 0); for Tx = 1 that is one cell step',
          inputs: gruArb(),
          numRuns: RUNS,
          holds: async ({ x, c0, p }, ctx) => {
            const [c, y] = await gruFwd(ctx, x, c0, p);
            const [nA, m, Tx] = [c0.shape[0]!, c0.shape[1]!, x.shape[2]!];
            expectTensor(c, 'c', [nA, m, Tx]);
            expectTensor(y, 'yPred', [p.Wy!.shape[0]!, m, Tx]);
            let prev = c0;
            for (let t = 0; t < Tx; t++) {
              const [ct, yt] = await gruCell(ctx, stepOf(x, t), prev, p);
              expectClose(stepOf(c, t), ct, `c[:, :, ${t}]`);
              expectClose(stepOf(y, t), yt, `yPred[:, :, ${t}]`);
              prev = ct;
            }
          },
        }),
      ],
    },
    {
      name: 'gruCellBackward',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async (ref) => {
            const s = new Seeded(11);
            return Promise.all(
              [
                { nX: 4, nA: 3, nY: 2, m: 4 },
                { nX: 2, nA: 5, nY: 3, m: 3 },
              ].map(async (d) => {
                const out = (await callOrThrow(ref, 'gruCellForward', [s.randn([d.nX, d.m]), s.randn([d.nA, d.m]), gruParams(s, d)])) as Value[];
                return { name: `nX = ${d.nX}, nA = ${d.nA}, m = ${d.m}`, args: [s.randn([d.nA, d.m]), out[2]!], constants: { m: d.m } };
              }),
            );
          },
        }),
        gradient({
          name: 'gradient check',
          points: 4,
          mode: 'entries',
          at: () => ({ xt: points.gruCell.xt, cPrev: points.gruCell.cPrev, ...pick(points.gruCell.p, gruGates) }),
          cost: async (ctx, q) => {
            const [c] = await gruCell(ctx, q.xt!, q.cPrev!, { ...points.gruCell.p, ...pick(q, gruGates) });
            return dot(expectTensor(c, 'cNext', [gradDims.nA, gradDims.m]), points.gruCell.R);
          },
          gradients: async (ctx, q) => {
            const [, , cache] = await gruCell(ctx, q.xt!, q.cPrev!, { ...points.gruCell.p, ...pick(q, gruGates) });
            const g = expectRecord(await ctx.call('gruCellBackward', [points.gruCell.R, cache]), 'gruCellBackward(dcNext, cache)', ['dxt', 'dcPrev', ...gruGates.map((k) => `d${k}`)]);
            return { xt: g.dxt, cPrev: g.dcPrev, ...grads(g, gruGates) };
          },
        }),
        property({
          name: 'equals tf.grads of the cell',
          points: 2,
          hidden: true,
          usesTf: true,
          claim: 'For any shapes, given the cache of a TensorFlow.js re-implementation of the cell (the instructions\' cache layout), gruCellBackward(dcNext, cache) returns the gradients tf.grads computes for J = Σ dcNext ⊙ cNext',
          inputs: withR(gruArb(1), ({ a0 }) => [...a0.shape]),
          numRuns: 6,
          holds: async ({ x, c0, p, R }, ctx) => {
            const xt = stepOf(x, 0);
            const o = (await oracle()).gruCellOracle(await ctx.tf(), xt, c0, p, R);
            const g = expectRecord(await ctx.call('gruCellBackward', [R, o.caches]), 'gruCellBackward(dcNext, cache)', ['dxt', 'dcPrev', ...gruGates.map((k) => `d${k}`)]);
            expectOracleGradients(g, o.gradients, 'gruCellBackward');
          },
        }),
      ],
    },
  ],
});
