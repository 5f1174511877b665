/**
 * Grader: course 1, week 2 — Python and tensor basics (the course's "Python Basics with Numpy").
 */
import * as fc from 'fast-check';
import { dim, dims } from '../../engine/arbitraries';
import { expectClose, expectNumber, expectTensor, violated, Violation } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, property, reference, type CheckContext } from '../../engine/define';
import { CallFailure } from '../../engine/implementation';
import { formatNumber as fmt, map, nd, zeros, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { tolerance } from '../../engine/tolerance';

// A unit-norm row or a softmax row in float32 is a few roundings per entry and one short sum: its norm or sum is 1
// up to a few u, whatever way the learner computes it (computed here in float64).
const nearOne = (x: number) => withinTolerance(1, x, tolerance('elementwise'));
// A result that should be exactly 0 (a loss of y against itself): within float32's floor.
const nearZero = (x: number) => withinTolerance(0, x, tolerance('float32'));

const sigma = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * A tensor of multiples of 0.1 in [min, max]. Shrinking then ends on readable
 * counterexamples (0.1, not 1.0000e-6 or a float at a tolerance's edge).
 */
function tensor(shape: number[], { min = -2, max = 2 }: { min?: number; max?: number } = {}): fc.Arbitrary<NdArray> {
  const size = shape.reduce((a, b) => a * b, 1);
  return fc
    .array(fc.integer({ min: Math.round(min * 10), max: Math.round(max * 10) }), { minLength: size, maxLength: size })
    .map((v) => nd(v.map((k) => k / 10), shape));
}

/** A 1-D [n] or 2-D [r, c] shape: sigmoid and its derivative work element-wise on any tensor. */
const anyShape: fc.Arbitrary<number[]> = fc.oneof(
  dim(8).map((n) => [n]),
  dims({ r: 4, c: 5 }).map(({ r, c }) => [r, c]),
);

/** Values where σ stays strictly inside (0, 1) in float32. */
const activations = anyShape.chain((shape) => tensor(shape, { min: -8, max: 8 }));

const matrix = (rows: number, cols: number, range = {}) => dims({ r: rows, c: cols }).chain(({ r, c }) => tensor([r, c], range));

/** Two 1-D vectors of the same length: predictions and labels. */
const vectorPair = dim(8).chain((n) => fc.record({ yhat: tensor([n]), y: tensor([n]) }));

/** The rows of a [n, m] array, as plain arrays. */
function rows(a: NdArray): number[][] {
  const [n, m] = a.shape as [number, number];
  return Array.from({ length: n }, (_, i) => a.data.slice(i * m, (i + 1) * m));
}

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

/** A 1-D vector of 0/1 labels, both classes present. */
function labelVector(s: Seeded, n: number): NdArray {
  return nd(s.labels(n).data, [n]);
}

function labelRow(s: Seeded, n: number): NdArray {
  return nd(s.labels(n).data, [1, n]);
}

export default defineAssignment({
  id: 'course1/week2/numpy-basics',
  title: 'Python and tensor basics',
  exercises: [
    {
      name: 'sigmoid',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => {
            const s = new Seeded(21);
            return [
              { name: 'x [5]', args: [s.randn([5], 3)] },
              { name: 'x [3, 4]', args: [s.randn([3, 4], 2)] },
            ];
          },
        }),
        property({
          name: 'range and symmetry',
          points: 1,
          claim: 'sigmoid keeps the shape of x, its values lie strictly between 0 and 1, sigmoid(−x) = 1 − sigmoid(x), and sigmoid(x) > 0.5 exactly where x > 0',
          inputs: activations,
          numRuns: 20,
          holds: async (x, ctx) => {
            const s = expectTensor(await ctx.call('sigmoid', [x]), 'sigmoid(x)', x.shape);
            const sNeg = expectTensor(await ctx.call('sigmoid', [map(x, (v) => -v)]), 'sigmoid(−x)', x.shape);
            s.data.forEach((v, i) => {
              if (!(v > 0 && v < 1)) violated(`sigmoid(${fmt(x.data[i]!)}) is ${fmt(v)}, outside (0, 1).`, 'σ(x) = 1 / (1 + e^(−x)): tf.exp, tf.neg, tf.add and tf.div are all you need.');
            });
            expectClose(sNeg, map(s, (v) => 1 - v), 'sigmoid(−x) (should be 1 − sigmoid(x))');
            x.data.forEach((v, i) => {
              // Too close to 0.5 to call: σ(x) within elementwise tolerance of 0.5, where float32 rounding can put it on either side.
              if (withinTolerance(0.5, sigma(v), tolerance('elementwise'))) return;
              const a = s.data[i]!;
              if (v > 0 !== a > 0.5) {
                violated(`sigmoid(${fmt(v)}) is ${fmt(a)}: it should be ${v > 0 ? 'above' : 'below'} 0.5.`, 'σ(x) = 1 / (1 + e^(−x)): mind the minus sign in the exponent.');
              }
            });
          },
        }),
      ],
    },
    {
      name: 'sigmoidDerivative',
      dependsOn: ['sigmoid'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => {
            const s = new Seeded(22);
            return [
              { name: 'x [6]', args: [s.randn([6], 2)] },
              { name: 'x [2, 5]', args: [s.randn([2, 5], 3)] },
            ];
          },
        }),
        property({
          name: 'matches σ(x)(1 − σ(x))',
          points: 1,
          claim: 'sigmoidDerivative(x) keeps the shape of x and equals σ(x)·(1 − σ(x)) element-wise: at most 0.25 (at x = 0) and never negative',
          inputs: activations,
          numRuns: 20,
          holds: async (x, ctx) => {
            const d = expectTensor(await ctx.call('sigmoidDerivative', [x]), 'sigmoidDerivative(x)', x.shape);
            expectClose(d, map(x, (v) => sigma(v) * (1 - sigma(v))), 'sigmoidDerivative(x)');
          },
        }),
      ],
    },
    {
      name: 'imageToVector',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => {
            const s = new Seeded(23);
            return [
              { name: 'image [4, 2, 3]', args: [s.uniform([4, 2, 3])] },
              { name: 'image [2, 5, 2]', args: [s.uniform([2, 5, 2])] },
            ];
          },
        }),
        property({
          name: 'a column of the same values',
          points: 1,
          claim: 'For any [length, height, depth] image the result is a [length·height·depth, 1] column holding the pixels in the same (row-major) order',
          inputs: dims({ l: 4, h: 4, d: 3 }).chain(({ l, h, d }) => tensor([l, h, d], { min: 0, max: 25.5 })),
          numRuns: 15,
          holds: async (image, ctx) => {
            const n = image.data.length;
            const v = expectTensor(await ctx.call('imageToVector', [image]), 'imageToVector(image)', [n, 1]);
            try {
              expectClose(v, nd(image.data, [n, 1]), 'imageToVector(image)');
            } catch (err) {
              if (!(err instanceof Violation)) throw err;
              // The pixels in the order of another arrangement of the axes: name it.
              const orders = AXIS_ORDERS.filter((perm) => expectCloseOk(v, nd(transposed(image, perm), [n, 1])));
              if (orders.length) violated(err.message, axisOrderHint(orders));
              throw err;
            }
          },
        }),
      ],
    },
    {
      name: 'normalizeRows',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => {
            const s = new Seeded(24);
            return [
              { name: 'x [3, 3]', args: [s.randn([3, 3], 2)] },
              { name: 'x [4, 2]', args: [s.randn([4, 2], 3)] },
            ];
          },
        }),
        property({
          name: 'rows of unit norm',
          points: 2,
          claim: 'normalizeRows(x) keeps the shape of x, and each of its rows has L2 norm 1 and points the same way as the row of x (rows of x that are all 0 are not checked)',
          inputs: matrix(5, 5),
          numRuns: 20,
          holds: async (x, ctx) => {
            const out = expectTensor(await ctx.call('normalizeRows', [x]), 'normalizeRows(x)');
            if (out.shape.join() !== x.shape.join()) {
              violated(
                `normalizeRows(x) has shape [${out.shape.join(', ')}], expected [${x.shape.join(', ')}], the shape of x.`,
                'The row norms must be a [n, 1] column (keepDims: true): then the division broadcasts across each row and keeps the shape of x.',
              );
            }
            const xs = rows(x);
            rows(out).forEach((row, i) => {
              const n = norm(xs[i]!);
              if (nearZero(n)) return; // an all-zero row has no direction
              const got = norm(row);
              if (!nearOne(got)) {
                violated(
                  `row ${i} of the result has norm ${fmt(got)}, not 1.`,
                  'Divide each row by its norm ‖x_i‖ = sqrt(Σ_j x_ij²), computed along axis 1 with keepDims: true.',
                );
              }
              expectClose(nd(row, [row.length]), nd(xs[i]!.map((v) => v / n), [row.length]), `row ${i} of the result`);
            });
          },
        }),
      ],
    },
    {
      name: 'softmax',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(25);
            return [
              { name: 'x [3, 4]', args: [s.randn([3, 4], 2)] },
              { name: 'x [4, 2]', args: [s.randn([4, 2], 2)] },
              // Square: row sums without keepDims ([n]) then broadcast along the columns instead of throwing.
              { name: 'x [3, 3]', args: [s.randn([3, 3], 2)] },
            ];
          },
        }),
        property({
          name: 'rows sum to 1',
          points: 1,
          claim: 'softmax(x) keeps the shape of x, its values lie in (0, 1] and every row sums to 1',
          inputs: matrix(4, 5, { min: -3, max: 3 }),
          numRuns: 20,
          holds: async (x, ctx) => {
            const out = await softmaxOf(ctx, x, 'softmax(x)');
            const outside = out.data.find((v) => !(v > 0 && (v <= 1 || nearOne(v))));
            if (outside !== undefined) violated(`softmax(x) has the value ${fmt(outside)}, outside (0, 1].`);
            rows(out).forEach((row, i) => {
              const sum = row.reduce((a, b) => a + b, 0);
              if (!nearOne(sum)) {
                violated(`row ${i} of softmax(x) sums to ${fmt(sum)}, not 1.`, 'Divide exp(x) by its row sums: tf.sum(xExp, 1, true), over axis 1 with keepDims.');
              }
            });
          },
        }),
        property({
          name: 'shift invariance',
          points: 1,
          claim: 'Adding the same constant to every entry of a row does not change that row of softmax(x)',
          inputs: dims({ n: 4, m: 5 }).chain(({ n, m }) => fc.record({ x: tensor([n, m], { min: -3, max: 3 }), c: tensor([n, 1], { min: -5, max: 5 }) })),
          numRuns: 20,
          holds: async ({ x, c }, ctx) => {
            const m = x.shape[1]!;
            const shifted = map(x, (v, i) => v + c.data[Math.floor(i / m)]!);
            const a = await softmaxOf(ctx, x, 'softmax(x)');
            const b = await softmaxOf(ctx, shifted, 'softmax(x + c)');
            if (!expectCloseOk(b, a)) {
              violated(
                'softmax(x + c), with c added to every entry of a row, differs from softmax(x).',
                'Each row must be normalised by its own sum: exp(x_ij) / Σ_j exp(x_ij), summing along axis 1.',
              );
            }
          },
        }),
      ],
    },
    {
      name: 'l1Loss',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => {
            const s = new Seeded(26);
            const vectors = [6, 9].map((n) => ({ name: `n = ${n}`, args: [s.uniform([n]), labelVector(s, n)] }));
            // Labels as the course keeps them elsewhere, a row [1, m]: the sum runs over every entry.
            return [...vectors, { name: 'a row [1, 5]', args: [s.uniform([1, 5]), labelRow(s, 5)] }];
          },
        }),
        property({
          name: 'zero only for a perfect prediction',
          points: 1,
          claim: 'l1Loss(y, y) is 0 and l1Loss(yhat, y) is a number ≥ 0',
          inputs: vectorPair,
          numRuns: 15,
          holds: async ({ yhat, y }, ctx) => checkLoss(ctx, 'l1Loss', yhat, y),
        }),
      ],
    },
    {
      name: 'l2Loss',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => {
            const s = new Seeded(27);
            const vectors = [7, 4].map((n) => ({ name: `n = ${n}`, args: [s.uniform([n]), labelVector(s, n)] }));
            return [...vectors, { name: 'a row [1, 6]', args: [s.uniform([1, 6]), labelRow(s, 6)] }];
          },
        }),
        property({
          name: 'zero only for a perfect prediction',
          points: 1,
          claim: 'l2Loss(y, y) is 0 and l2Loss(yhat, y) is a number ≥ 0',
          inputs: vectorPair,
          numRuns: 15,
          holds: async ({ yhat, y }, ctx) => checkLoss(ctx, 'l2Loss', yhat, y),
        }),
        property({
          name: 'quadratic in the error',
          points: 1,
          claim: 'Doubling every error multiplies the L2 loss by 4: l2Loss(2·d, 0) = 4·l2Loss(d, 0)',
          inputs: dim(8).chain((n) => tensor([n])),
          numRuns: 15,
          holds: async (d, ctx) => {
            const zero = zeros(d.shape);
            const once = expectNumber(await ctx.call('l2Loss', [d, zero]), 'l2Loss(d, 0)');
            const twice = expectNumber(await ctx.call('l2Loss', [map(d, (v) => 2 * v), zero]), 'l2Loss(2·d, 0)');
            if (!expectCloseOk(twice, 4 * once)) {
              violated(`l2Loss(2·d, 0) is ${fmt(twice)}, but 4·l2Loss(d, 0) is ${fmt(4 * once)}.`, 'The L2 loss is the sum of the squared errors Σ (y − ŷ)², without a square root.');
            }
          },
        }),
      ],
    },
  ],
});

const KEEP_DIMS_HINT =
  'The row sums must keep their dimension: tf.sum(xExp, 1, true) (keepDims) is a [n, 1] column, which divides each row by its own sum. Without keepDims the sums are a [n] vector, which TensorFlow.js lines up with the columns: the division throws for most shapes, and for a square x silently divides column j by the sum of row j.';

/** softmax(x), a tensor of the shape of x; a broadcasting error or a wrong shape is the row sums' lost dimension. */
async function softmaxOf(ctx: CheckContext, x: NdArray, what: string): Promise<NdArray> {
  let out;
  try {
    out = await ctx.call('softmax', [x]);
  } catch (err) {
    if (err instanceof CallFailure && err.outcome.status === 'threw' && /could not be broadcast/.test(err.outcome.message)) {
      violated(`${what} threw an error for x of shape [${x.shape.join(', ')}]: ${err.outcome.message}`, KEEP_DIMS_HINT);
    }
    throw err;
  }
  const t = expectTensor(out, what);
  if (t.shape.join() !== x.shape.join()) {
    violated(`${what} has shape [${t.shape.join(', ')}], expected [${x.shape.join(', ')}], the shape of x.`, KEEP_DIMS_HINT);
  }
  return t;
}

const AXIS_NAMES = ['length', 'height', 'depth'];
/** The five wrong orders of an image's three axes (tf.transpose's perm). */
const AXIS_ORDERS = [
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

/** The values of a [l, h, d] image transposed by perm, in row-major order. */
function transposed(image: NdArray, perm: number[]): number[] {
  const shape = image.shape;
  const strides = [shape[1]! * shape[2]!, shape[2]!, 1];
  const out: number[] = [];
  const newShape = perm.map((p) => shape[p]!);
  for (let i = 0; i < newShape[0]!; i++) {
    for (let j = 0; j < newShape[1]!; j++) {
      for (let k = 0; k < newShape[2]!; k++) {
        const idx = [i, j, k];
        let at = 0;
        perm.forEach((p, q) => (at += idx[q]! * strides[p]!));
        out.push(image.data[at]!);
      }
    }
  }
  return out;
}

function axisOrderHint(orders: number[][]): string {
  const named = orders.map((perm) => `[${perm.map((p) => AXIS_NAMES[p]).join(', ')}]`);
  return `The column holds the pixels with the image's axes in another order (${named.join(' or ')}), as after a tf.transpose: reshape the image as it is, tf.reshape(image, [length·height·depth, 1]), which keeps its own [length, height, depth] (row-major) order.`;
}

/** expectClose as a boolean, for properties that explain the failure in their own words. */
function expectCloseOk(actual: NdArray | number, expected: NdArray | number): boolean {
  try {
    expectClose(actual, expected, 'value');
    return true;
  } catch (err) {
    if (err instanceof Violation) return false;
    throw err;
  }
}

async function checkLoss(ctx: CheckContext, fn: 'l1Loss' | 'l2Loss', yhat: NdArray, y: NdArray): Promise<void> {
  const same = expectNumber(await ctx.call(fn, [y, y]), `${fn}(y, y)`);
  if (!nearZero(same)) violated(`${fn}(y, y) is ${fmt(same)}, not 0.`);
  const loss = expectNumber(await ctx.call(fn, [yhat, y]), `${fn}(yhat, y)`);
  if (!(Number.isFinite(loss) && (loss >= 0 || nearZero(loss)))) {
    violated(
      `${fn}(yhat, y) is ${fmt(loss)}: a loss is never negative.`,
      fn === 'l1Loss' ? 'L1 is Σ |y − ŷ|: take the absolute value of each error before summing.' : 'L2 is Σ (y − ŷ)²: square each error before summing.',
    );
  }
}
