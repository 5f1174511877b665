/**
 * Grader: course 2, week 1 — Initialization.
 *
 * Seeded reference outputs for the four initializers; statistical properties on
 * large layers (mean ≈ 0, standard deviation ≈ the initializer's scale, zero
 * biases, shapes for any layer sizes); and the lesson of zero initialization as
 * a property: after gradient descent from it, every hidden unit of a layer is
 * still identical to the others.
 */
import * as fc from 'fast-check';
import { dim, dims, distinctSizes, labels, tensor } from '../../engine/arbitraries';
import { expectClose, expectRecord, expectTensor, violated, Violation } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, property, reference, type CheckContext } from '../../engine/define';
import { formatNumber, nd, type NdArray } from '../../engine/ndarray';
import { histogramPlot, recordPlot } from '../../engine/report/plots';
import { Seeded } from '../../engine/seeded';
import type { ValueRecord } from '../../engine/values';
import type { Net } from './net-inputs';
import { mean, std } from '../../engine/statistics';
import { tolerance } from '../../engine/tolerance';
import { randnSeedOf, wrongSeedHint } from '../../shared/np-seed';

const SEED_HINT =
  'Call np.random.seed(3) at the start of the function, before drawing: without it the weights depend on whatever drew random numbers before, and change from call to call.';

type Initializer = 'initializeParametersZeros' | 'initializeParametersRandom' | 'initializeParametersHe' | 'initializeParametersXavier';

/** Calls an initializer and checks every Wl is [n_l, n_(l−1)] and every bl is [n_l, 1]. */
async function initialize(ctx: CheckContext, fn: Initializer, dims: number[]): Promise<Net> {
  const L = dims.length - 1;
  const keys = Array.from({ length: L }, (_, i) => [`W${i + 1}`, `b${i + 1}`]).flat();
  const p = expectRecord(await ctx.call(fn, [dims]), `${fn}([${dims.join(', ')}])`, keys);
  const out: Net = {};
  for (let l = 1; l <= L; l++) {
    const W = p[`W${l}`]!;
    const [n, nPrev] = [dims[l]!, dims[l - 1]!];
    if (expectTensor(W, `W${l}`).shape.join() === [nPrev, n].join() && n !== nPrev) {
      violated(`W${l} has shape [${nPrev}, ${n}], expected [${n}, ${nPrev}].`, `W${l} is [n_${l}, n_${l - 1}] = [layersDims[${l}], layersDims[${l - 1}]]: one row per unit of layer ${l}.`);
    }
    out[`W${l}`] = expectTensor(W, `W${l}`, [n, nPrev]);
    out[`b${l}`] = expectTensor(p[`b${l}`]!, `b${l}`, [n, 1]);
  }
  const extra = Object.keys(p).filter((k) => !keys.includes(k));
  if (extra.length) violated(`the parameters have unexpected keys ${extra.join(', ')} for ${L} layers.`, extraKeysHint(extra, L, dims.length));
  return out;
}

/**
 * One layer too many is an off-by-one over layersDims; layers beyond that, or keys of no layer, are left from
 * an earlier call (a record kept at module level and filled again) or from elsewhere: no off-by-one explains them.
 */
function extraKeysHint(extra: string[], L: number, entries: number): string {
  if (extra.every((k) => k === `W${L + 1}` || k === `b${L + 1}`)) return `layersDims has ${entries} entries: that is ${L} layers (layer 0 is the input).`;
  if (extra.every((k) => /^[Wb][1-9]\d*$/.test(k))) {
    return 'The record holds layers this call did not make: it keeps the keys of an earlier call. Build a new record inside the function on every call, not once at module level.';
  }
  return `The record should hold W1 … W${L} and b1 … b${L} only.`;
}

function expectZeroBiases(p: Net, dims: number[]): void {
  for (let l = 1; l < dims.length; l++) {
    const b = p[`b${l}`]!;
    expectClose(b, nd(new Array(dims[l]).fill(0), [dims[l]!, 1]), `b${l} (biases start at zero)`);
  }
}

/** Mean ≈ 0 and standard deviation within 10% of `target`, for a weight matrix of at least 900 entries. */
function expectScale(W: NdArray, target: number, what: string, formula: string, known: Array<[scale: number, hint: string]> = []): void {
  const n = W.data.length;
  const m = mean(W.data);
  const sd = std(W.data);
  if (Math.abs(m) > (5 * target) / Math.sqrt(n)) {
    violated(`${what} has mean ${formatNumber(m)}: over ${n} standard normal draws × ${formatNumber(target)} it should be within ${formatNumber((5 * target) / Math.sqrt(n))} of 0.`, 'Draw the weights with np.random.randn (mean 0), not np.random.rand (uniform in [0, 1)).');
  }
  if (Math.abs(sd / target - 1) > 0.1) {
    // The right scale failed; a known wrong one is named when it alone fits closely (the sample deviation of ≥ 900 draws is within ~2.4% per σ).
    const fits = known.filter(([scale]) => Math.abs(sd / scale - 1) <= 0.06);
    violated(
      `${what} has standard deviation ${formatNumber(sd)}, expected ${formatNumber(target)} (${formula}) within 10% — it is ${formatNumber(sd / target)}× that.`,
      fits.length === 1 ? fits[0]![1] : 'randn has standard deviation 1: the scale you multiply it by becomes the standard deviation of the weights.',
    );
  }
}

/** Large layers, so that each weight matrix's sample mean and deviation are accurate. */
const largeDims = dims({ n0: [30, 120], n1: [30, 120], n2: [30, 90], n3: 3 }).map(({ n0, n1, n2, n3 }) => [n0, n1, n2, n3]);

/** The scale computed from the current layer's size n_l instead of n_(l−1): the hint for each initializer. */
const CURRENT_LAYER_HINT = (name: string, formula: string) =>
  `${name} scales by ${formula}, the size of the PREVIOUS layer (layersDims[l − 1], the inputs each unit sums), not of layer l.`;

/** Wrong scales a learner writes, by layer sizes, with their hints: each named only when it alone fits the measured deviation. */
type KnownScales = (nPrev: number, n: number) => Array<[scale: number, hint: string]>;

const HE_MISTAKES: KnownScales = (nPrev, n) => [
  [Math.sqrt(2 / n), CURRENT_LAYER_HINT('He', '√(2 / n_(l−1))')],
  [Math.sqrt(1 / nPrev), "This is Xavier's scale √(1 / n_(l−1)); He initialization, for ReLU layers, uses √(2 / n_(l−1))."],
  [2 / nPrev, 'The scale is 2 / n_(l−1), the variance: multiply randn by its square root, √(2 / n_(l−1)).'],
];

const XAVIER_MISTAKES: KnownScales = (nPrev, n) => [
  [Math.sqrt(1 / n), CURRENT_LAYER_HINT('Xavier', '√(1 / n_(l−1))')],
  [Math.sqrt(2 / nPrev), "This is He's scale √(2 / n_(l−1)); Xavier initialization uses √(1 / n_(l−1))."],
  [1 / nPrev, 'The scale is 1 / n_(l−1), the variance: multiply randn by its square root, √(1 / n_(l−1)).'],
  [Math.sqrt(2 / (nPrev + n)), "This is the Glorot variant √(2 / (n_(l−1) + n_l)); the course's Xavier initialization is √(1 / n_(l−1))."],
];

function statistics(fn: Initializer, scaleOf: (nPrev: number) => number, formula: string, mistakes?: KnownScales) {
  return property({
    name: 'statistics on large layers',
    points: 2,
    claim: `For any layer sizes, every Wl has mean ≈ 0 and standard deviation ≈ ${formula} (within 10%) and every bl is zero`,
    inputs: largeDims,
    numRuns: 8,
    holds: async (dims: number[], ctx: CheckContext) => {
      const p = await initialize(ctx, fn, dims);
      // For the HTML report: each large Wl of the first input against N(0, scale²), kept before any verdict so a failure has it too.
      for (let l = 1; l < dims.length; l++) {
        const W = p[`W${l}`]!;
        const target = scaleOf(dims[l - 1]!);
        if (W.data.length >= 900) {
          const title = `W${l} from ${fn}([${dims.join(', ')}])`;
          recordPlot(ctx, histogramPlot(title, `W${l}`, W.data, { mean: 0, std: target }), { key: `W${l}` });
        }
      }
      expectZeroBiases(p, dims);
      for (let l = 1; l < dims.length; l++) {
        const W = p[`W${l}`]!;
        if (W.data.length < 900) continue;
        const known = mistakes ? mistakes(dims[l - 1]!, dims[l]!) : [];
        expectScale(W, scaleOf(dims[l - 1]!), `W${l} ([${W.shape.join(', ')}])`, formula.replace(/n_\(l−1\)/g, `n_${l - 1} = ${dims[l - 1]}`), known);
      }
    },
  });
}

/** Layer sizes for shape checks: 2 to 4 layers of 1 to 7 units (mostly all different, so a transposed W shows). */
const smallDims = distinctSizes(fc.array(dim(7), { minLength: 2, maxLength: 5 }), (sizes) => sizes);

/**
 * Two calls, the same weights: the function seeds np.random itself. (He and Xavier had no such check, and an
 * unseeded He or Xavier lost its reference points with no word on why.)
 */
function reproducible(fn: Initializer) {
  return property({
    name: 'reproducible',
    points: 1,
    claim: 'Two calls with the same layersDims return the same weights: the function calls np.random.seed(3) before drawing (W1 drawn after another seed is named)',
    inputs: smallDims,
    numRuns: 5,
    holds: async (dims, ctx) => {
      const first = await initialize(ctx, fn, dims);
      const second = await initialize(ctx, fn, dims);
      try {
        expectClose(second as ValueRecord, first as ValueRecord, "the second call's parameters (compared with the first call's)");
      } catch (err) {
        if (err instanceof Violation) violated(err.message, SEED_HINT);
        throw err;
      }
      const seed = randnSeedOf(first.W1!, 3);
      if (seed !== undefined && seed !== 3) {
        violated(
          `W1 holds the numbers np.random.randn draws after np.random.seed(${seed}) (times a scale), not after np.random.seed(3).`,
          wrongSeedHint(seed, 3),
        );
      }
    },
  });
}

function shapes(fn: Initializer, points = 1) {
  return property({
    name: 'shapes for any layer sizes',
    points,
    claim: 'For any layersDims = [n_0, …, n_L], the result holds W1 … WL of shape [n_l, n_(l−1)] and b1 … bL of shape [n_l, 1] of zeros, and nothing else',
    inputs: smallDims,
    numRuns: 15,
    holds: async (dims: number[], ctx: CheckContext) => {
      expectZeroBiases(await initialize(ctx, fn, dims), dims);
    },
  });
}

const seededCases = (dimsList: number[][]) => async () => {
  // Drawn sizes too: their hidden variant has others, which a table of the published answers cannot pass.
  const s = new Seeded(41);
  const drawn = [s.int(7, 10), s.int(2, 6), s.int(2, 6), 1];
  return [...dimsList, drawn].map((dims) => ({ name: `layersDims = [${dims.join(', ')}]`, args: [dims] }));
};

/** A small network and data set for the symmetry check: n_0 inputs, two or three hidden layers, one output. */
const symmetryInputs = distinctSizes(fc.record({ nX: dim(4), hidden: fc.array(dim(5, 2), { minLength: 1, maxLength: 2 }), m: dim(6, 2) }), ({ nX, hidden, m }) => [nX, ...hidden, m])
  .chain(({ nX, hidden, m }) => fc.record({ dims: fc.constant<number[]>([nX, ...hidden, 1]), X: tensor([nX, m]), Y: labels(m) }));

export default defineAssignment({
  id: 'course2/week1/initialization',
  title: 'Initialization',
  exercises: [
    {
      name: 'initializeParametersZeros',
      checks: [
        reference({ name: 'seeded cases', points: 2, cases: seededCases([[4, 3, 2], [5, 6, 3, 1]]) }),
        shapes('initializeParametersZeros'),
        property({
          name: 'zeros do not break symmetry',
          points: 2,
          hidden: true, // hidden: needs the plain-JS oracle (not in the learner edition)
          claim:
            'After 5 steps of gradient descent (learning rate 0.5) from your zero initialization, the hidden units of each layer are still identical: ' +
            'every row of Wl is the same and every entry of bl is the same — zero initialization cannot break symmetry',
          inputs: symmetryInputs,
          numRuns: 10,
          holds: async ({ dims, X, Y }, ctx) => {
            const p = await initialize(ctx, 'initializeParametersZeros', dims);
            const { train } = await import('./net.oracle');
            const trained = train(X, Y, p, 5, 0.5);
            for (let l = 1; l < dims.length - 1; l++) {
              const W = trained[`W${l}`]!;
              const b = trained[`b${l}`]!;
              const cols = W.shape[1]!;
              // Symmetric units go through the same float64 operations: they stay equal up to float64 noise (the exact class).
              const differ = (a: number, first: number) => !withinTolerance(first, a, tolerance('exact'));
              for (let u = 1; u < W.shape[0]!; u++) {
                const differs = W.data.slice(u * cols, (u + 1) * cols).some((w, j) => differ(w, W.data[j]!)) || differ(b.data[u]!, b.data[0]!);
                if (differs) {
                  violated(
                    `after training, units 1 and ${u + 1} of hidden layer ${l} differ (row ${u + 1} of W${l} or b${l}), so the initialization was not all zeros.`,
                    'initializeParametersZeros must set every weight and bias to 0: tf.zeros for W and b alike.',
                  );
                }
              }
            }
          },
        }),
      ],
    },
    {
      name: 'initializeParametersRandom',
      checks: [
        reference({ name: 'seeded cases', points: 3, cases: seededCases([[4, 3, 2], [5, 6, 3, 1]]) }),
        shapes('initializeParametersRandom'),
        statistics('initializeParametersRandom', () => 10, '10'),
        reproducible('initializeParametersRandom'),
      ],
    },
    {
      name: 'initializeParametersHe',
      checks: [
        reference({ name: 'seeded cases', points: 3, cases: seededCases([[4, 3, 2], [5, 6, 3, 1]]) }),
        shapes('initializeParametersHe'),
        statistics('initializeParametersHe', (nPrev) => Math.sqrt(2 / nPrev), '√(2 / n_(l−1))', HE_MISTAKES),
        reproducible('initializeParametersHe'),
      ],
    },
    {
      name: 'initializeParametersXavier',
      checks: [
        reference({ name: 'seeded cases', points: 2, cases: seededCases([[4, 3, 2], [5, 6, 3, 1]]) }),
        shapes('initializeParametersXavier'),
        statistics('initializeParametersXavier', (nPrev) => Math.sqrt(1 / nPrev), '√(1 / n_(l−1))', XAVIER_MISTAKES),
        reproducible('initializeParametersXavier'),
      ],
    },
  ],
});
