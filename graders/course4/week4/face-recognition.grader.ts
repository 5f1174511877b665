/**
 * Grader: course 4, week 4 — face recognition (triplet loss, verification, recognition).
 *
 * No FaceNet here: the grader hands the learner's functions encodings — small
 * ([m, 16] instead of [m, 128]), L2-normalised like FaceNet's — and checks
 * them against plain-JS math. The learner returns only the triplet loss, so its
 * gradient check runs the other way round: central differences of the
 * learner's loss must match the loss's analytic gradient, computed here.
 */
import type * as TF from '@tensorflow/tfjs';
import * as fc from 'fast-check';
import { dims } from '../../engine/arbitraries';
import { expectArray, expectClose, expectNumber, expectTensor, violated } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { formatNumber, nd, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { tolerance } from '../../engine/tolerance';
import type { ValueRecord } from '../../engine/values';
import { tfOracle } from '../../engine/oracle';

// ---------------------------------------------------------------- plain-JS math

const rowsOf = (a: NdArray): number[][] => {
  const d = a.shape[1]!;
  return Array.from({ length: a.shape[0]! }, (_, i) => a.data.slice(i * d, (i + 1) * d));
};
const sqDist = (x: readonly number[], y: readonly number[]) => x.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0);

/** Per-triplet ‖a − p‖² − ‖a − n‖² + α. */
function basicLosses(a: NdArray, p: NdArray, n: NdArray, alpha: number): number[] {
  const [A, P, N] = [rowsOf(a), rowsOf(p), rowsOf(n)];
  return A.map((ai, i) => sqDist(ai, P[i]!) - sqDist(ai, N[i]!) + alpha);
}

/**
 * The magnitude of the squared distances the loss is summed from: a float32 loss carries their rounding even when
 * they cancel to a far smaller loss (the tolerance's scale).
 */
const lossScale = (a: NdArray, p: NdArray, n: NdArray) => {
  const [A, P, N] = [rowsOf(a), rowsOf(p), rowsOf(n)];
  return A.reduce((s, ai, i) => s + sqDist(ai, P[i]!) + sqDist(ai, N[i]!), 0);
};
const sameLoss = (want: number, got: number, scale: number) => withinTolerance(want, got, tolerance('float32', { scale }));

function tripletJs(a: NdArray, p: NdArray, n: NdArray, alpha: number): number {
  return basicLosses(a, p, n, alpha).reduce((s, b) => s + Math.max(b, 0), 0);
}

/** ∂L/∂a = 2(n − p), ∂L/∂p = −2(a − p), ∂L/∂n = 2(a − n) for the triplets with a positive basic loss, 0 for the others. */
function tripletGradient(a: NdArray, p: NdArray, n: NdArray, alpha: number): Record<string, NdArray> {
  const active = basicLosses(a, p, n, alpha).map((b) => b > 0);
  const d = a.shape[1]!;
  const on = (f: (i: number) => number) => nd(a.data.map((_, i) => (active[Math.floor(i / d)] ? f(i) : 0)), a.shape);
  return {
    anchor: on((i) => 2 * (n.data[i]! - p.data[i]!)),
    positive: on((i) => -2 * (a.data[i]! - p.data[i]!)),
    negative: on((i) => 2 * (a.data[i]! - n.data[i]!)),
  };
}

const norm = (x: readonly number[]) => Math.sqrt(x.reduce((s, v) => s + v * v, 0));
const normalised = (a: NdArray): NdArray => nd(rowsOf(a).flatMap((r) => r.map((v) => v / (norm(r) || 1))), a.shape);

// ---------------------------------------------------------------- inputs

/** FaceNet-like encodings: unit rows; the positive near the anchor, the negative somewhere else (or near, sometimes). */
function triplets(s: Seeded, m: number, d: number): [NdArray, NdArray, NdArray] {
  const a = normalised(s.randn([m, d]));
  const noise = s.randn([m, d], 0.15);
  const p = normalised(nd(a.data.map((v, i) => v + noise.data[i]!), [m, d]));
  const near = s.uniform([m]).data.map((u) => u < 0.4);
  const other = normalised(s.randn([m, d]));
  const n = normalised(nd(a.data.map((v, i) => (near[Math.floor(i / d)] ? v + 0.3 * other.data[i]! : other.data[i]!)), [m, d]));
  return [a, p, n];
}

const tripletArb = fc
  .record({ sizes: dims({ m: 6, d: [2, 8] }), alpha: fc.constantFrom(0, 0.1, 0.2, 0.5, 1) })
  .chain(({ sizes: { m, d }, alpha }) => {
    const t = (lo = -1, hi = 1) => fc.array(fc.integer({ min: lo * 4, max: hi * 4 }), { minLength: m * d, maxLength: m * d }).map((v) => nd(v.map((x) => x / 4), [m, d]));
    return fc.record({ a: t(), p: t(), n: t(), alpha: fc.constant(alpha) });
  });

/** The gradient-check point: [4, 16] encodings, two triplets active and two not, each basic loss at least 0.3 away from the hinge. */
const gradPoint = (() => {
  for (let seed = 61; ; seed++) {
    const s = new Seeded(seed);
    const [a, p, n] = triplets(s, 4, 16);
    const b = basicLosses(a, p, n, 0.2);
    if (b.every((v) => Math.abs(v) > 0.3) && b.filter((v) => v > 0).length === 2) return { anchor: a, positive: p, negative: n };
  }
})();

async function loss(ctx: CheckContext, a: NdArray, p: NdArray, n: NdArray, alpha?: number): Promise<number> {
  const args = alpha === undefined ? [a, p, n] : [a, p, n, alpha];
  // The instructions ask for a scalar tensor (tf.Scalar), not a number.
  const v = await ctx.call('tripletLoss', args);
  if (typeof v === 'number') violated(`the triplet loss should be a scalar tensor, but is the number ${formatNumber(v)}: return it as a tensor (for example tf.scalar(x), or the tf.sum itself).`);
  return expectTensor(v, 'the triplet loss', []).data[0]!;
}

/** A database of named encodings [1, d] and a query encoding. */
function database(s: Seeded, names: string[], d: number): ValueRecord {
  return Object.fromEntries(names.map((name) => [name, normalised(s.randn([1, d]))]));
}

/** The query: a noisy copy of one person's encoding (noise 0 … 0.6), so both sides of 0.7 occur. */
const recognitionArb = fc
  .record({
    people: fc.integer({ min: 1, max: 5 }),
    d: fc.integer({ min: 3, max: 16 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
    noise: fc.constantFrom(0, 0.05, 0.1, 0.2, 0.3, 0.6),
  })
  .map(({ people, d, seed, noise }) => {
    const s = new Seeded(seed);
    const names = ['andrew', 'kian', 'younes', 'bertrand', 'felix'].slice(0, people);
    const db = database(s, names, d);
    const who = names[seed % people]!;
    const e = normalised(nd((db[who] as NdArray).data.map((v) => v + noise * s.randn([1]).data[0]!), [1, d]));
    return { db, who, e };
  });

const distance = (x: NdArray, y: NdArray) => Math.sqrt(sqDist(x.data, y.data));
// A float32 distance is a short sum and a square root: within a few u of the float64 one. Two distances that
// close (to each other, or to the 0.7 threshold) cannot be told apart in float32, so the decision is not checked.
const indistinct = (x: number, y: number) => withinTolerance(x, y, tolerance('elementwise'));

const STRANGER_HINT =
  'Someone farther than 0.7 from everybody is not in the database, but whoIsIt still returns the closest person and that distance: start minDist above any distance (100), not at 0.7, and return the identity found rather than a label.';

// ---------------------------------------------------------------- the assignment

const HINTS_SUM = 'Sum the per-triplet losses max(…, 0) over the batch: not their mean, and not max(sum, 0).';
const HINTS_OWN_DISTANCES =
  "Each triplet's loss uses its own distances: sum the squared differences over the encoding (the last axis, -1), not over the batch; then max(…, 0) per triplet, then the sum over the batch.";

export default defineAssignment({
  id: 'course4/week4/face-recognition',
  title: 'Face recognition',
  exercises: [
    {
      name: 'tripletLoss',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(41);
            return [
              { name: 'm = 3, encodings of 16, default α (0.2)', args: triplets(s, 3, 16), constants: { m: 3 } },
              { name: 'm = 5, encodings of 10, α = 0.5', args: [...triplets(s, 5, 10), 0.5], constants: { m: 5 } },
              { name: 'm = 4, encodings of 12, α = 1', args: [...triplets(s, 4, 12), 1], constants: { m: 4 } },
            ];
          },
        }),
        property({
          name: 'never negative',
          points: 1,
          claim: 'For any encodings and α ≥ 0, the loss is ≥ 0: each triplet contributes max(…, 0)',
          inputs: tripletArb,
          numRuns: 20,
          holds: async ({ a, p, n, alpha }, ctx) => {
            const L = await loss(ctx, a, p, n, alpha);
            if (!(L >= -1e-5)) violated(`the loss is ${formatNumber(L)}.`, 'Each triplet contributes max(‖a − p‖² − ‖a − n‖² + α, 0): take the maximum with 0 before summing.');
          },
        }),
        property({
          name: 'zero for well-separated triplets',
          points: 1,
          claim: 'When every negative is farther from its anchor than the positive by more than α (‖a − n‖² > ‖a − p‖² + α), the loss is 0',
          inputs: tripletArb.map(({ a, p, alpha }) => {
            // n = a + (a − p)·k + a push along the first axis, far enough in squared distance.
            const [A, P] = [rowsOf(a), rowsOf(p)];
            const N = A.map((ai, i) => {
              const gap = Math.sqrt(sqDist(ai, P[i]!) + alpha + 0.25);
              return ai.map((v, j) => v + (j === 0 ? gap + 0.5 : 0));
            });
            return { a, p, n: nd(N.flat(), a.shape), alpha };
          }),
          numRuns: 20,
          holds: async ({ a, p, n, alpha }, ctx) => {
            const L = await loss(ctx, a, p, n, alpha);
            // Every triplet's term clamps to exactly 0, so the float32 floor alone.
            if (!sameLoss(0, L, 0)) violated(`the loss is ${formatNumber(L)}, expected 0: every triplet has ‖a − n‖² − ‖a − p‖² > α = ${alpha}.`);
          },
        }),
        property({
          name: 'grows with the anchor–positive distance',
          points: 1,
          claim: 'Moving every positive further from its anchor (p → a + k·(p − a), k > 1) never lowers the loss, and raises it when some triplet has a positive loss',
          inputs: fc.record({ t: tripletArb, k: fc.constantFrom(1.5, 2, 3) }),
          numRuns: 20,
          holds: async ({ t: { a, p, n, alpha }, k }, ctx) => {
            const farther = nd(
              a.data.map((v, i) => v + k * (p.data[i]! - v)),
              a.shape,
            );
            const before = await loss(ctx, a, p, n, alpha);
            const after = await loss(ctx, a, farther, n, alpha);
            const tol = 1e-4 * (1 + Math.abs(before));
            if (after < before - tol) violated(`the loss drops from ${formatNumber(before)} to ${formatNumber(after)} when the positives move ${k}× further from their anchors.`);
            const increase = tripletJs(a, farther, n, alpha) - tripletJs(a, p, n, alpha);
            if (increase > 10 * tol && !(after > before + tol))
              violated(`the loss stays ${formatNumber(before)} (then ${formatNumber(after)}) when the positives move ${k}× further from their anchors, though it should grow by ${formatNumber(increase)}.`);
          },
        }),
        property({
          name: 'a sum over the batch, in any order',
          points: 1,
          claim: 'The loss of a batch does not depend on the order of its triplets, and is the sum of the losses of the triplets taken one at a time',
          inputs: fc.record({ t: tripletArb, seed: fc.integer({ min: 0, max: 1e6 }) }),
          numRuns: 15,
          holds: async ({ t: { a, p, n, alpha }, seed }, ctx) => {
            const m = a.shape[0]!;
            const order = new Seeded(seed).uniform([m]).data.map((u, i) => [u, i] as const).sort((x, y) => x[0] - y[0]).map(([, i]) => i);
            const permute = (x: NdArray) => nd(order.flatMap((i) => rowsOf(x)[i]!), x.shape);
            const single = (x: NdArray, i: number) => nd(rowsOf(x)[i]!, [1, x.shape[1]!]);
            const whole = await loss(ctx, a, p, n, alpha);
            const shuffled = await loss(ctx, permute(a), permute(p), permute(n), alpha);
            if (!sameLoss(whole, shuffled, lossScale(a, p, n))) violated(`the loss is ${formatNumber(whole)}, but ${formatNumber(shuffled)} with the triplets in the order ${order.join(', ')}.`);
            let sum = 0;
            for (let i = 0; i < m; i++) sum += await loss(ctx, single(a, i), single(p, i), single(n, i), alpha);
            if (!sameLoss(sum, whole, lossScale(a, p, n))) {
              // A mean, or max(sum, 0), is named as such; anything else mixes the triplets before the max: their distances.
              const basicSum = basicLosses(a, p, n, alpha).reduce((s, b) => s + b, 0);
              const reduction = sameLoss(whole, sum / m, lossScale(a, p, n)) || sameLoss(whole, Math.max(basicSum, 0), lossScale(a, p, n));
              violated(
                `the loss of the batch of ${m} is ${formatNumber(whole)}, but the losses of its triplets, one at a time, add up to ${formatNumber(sum)}.`,
                reduction ? HINTS_SUM : HINTS_OWN_DISTANCES,
              );
            }
          },
        }),
        property({
          name: 'the course formula',
          points: 2,
          claim: 'For any m, encoding size and α, the loss is Σᵢ max(‖aᵢ − pᵢ‖² − ‖aᵢ − nᵢ‖² + α, 0) (squared distances, summed over each row)',
          inputs: tripletArb,
          numRuns: 20,
          holds: async ({ a, p, n, alpha }, ctx) => {
            expectClose(await loss(ctx, a, p, n, alpha), tripletJs(a, p, n, alpha), 'the triplet loss', {}, { m: a.shape[0]! });
          },
        }),
        gradient({
          name: 'gradient for training',
          points: 2,
          mode: 'directional',
          at: () => gradPoint,
          cost: async (ctx, pt) => loss(ctx, pt.anchor!, pt.positive!, pt.negative!, 0.2),
          // The learner returns only the loss: the analytic gradient is the grader's, and it is the learner's loss that must follow it.
          gradients: async (_ctx, pt) => tripletGradient(pt.anchor!, pt.positive!, pt.negative!, 0.2),
        }),
        gradient({
          name: 'gradient matches tf.grad',
          points: 1,
          mode: 'directional',
          usesTf: true,
          at: () => gradPoint,
          cost: async (ctx, pt) => loss(ctx, pt.anchor!, pt.positive!, pt.negative!, 0.2),
          // An oracle independent of the grader's own calculus: tf.grad of the course's formula.
          gradients: async (ctx, pt) => {
            const formula = (tf: typeof TF, a: TF.Tensor, p: TF.Tensor, n: TF.Tensor) =>
              tf.sum(tf.relu(tf.add(tf.sub(tf.sum(tf.square(tf.sub(a, p)), -1), tf.sum(tf.square(tf.sub(a, n)), -1)), 0.2)));
            const d = (i: 0 | 1 | 2) =>
              tfOracle(ctx, (tf, t) => tf.grads((a: TF.Tensor, p: TF.Tensor, n: TF.Tensor) => formula(tf, a, p, n))([t(pt.anchor!), t(pt.positive!), t(pt.negative!)])[i]!);
            return { anchor: await d(0), positive: await d(1), negative: await d(2) };
          },
        }),
      ],
    },
    {
      name: 'verify',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(42);
            const db = database(s, ['danielle', 'younes', 'tian', 'bertrand', 'kevin'], 16);
            const near = normalised(nd((db.younes as NdArray).data.map((v) => v + s.randn([1], 0.05).data[0]!), [1, 16]));
            const far = normalised(s.randn([1, 16]));
            return [
              { name: 'younes, a close encoding of younes', args: [near, 'younes', db] },
              { name: 'bertrand, an encoding of someone else', args: [far, 'bertrand', db] },
              { name: 'tian, the encoding of younes', args: [db.younes!, 'tian', db] },
            ];
          },
        }),
        property({
          name: 'distance and decision',
          points: 2,
          claim: 'For any database and encoding, verify returns [‖encoding − database[identity]‖ (the L2 distance, not squared), distance < 0.7]',
          inputs: recognitionArb,
          numRuns: 20,
          holds: async ({ db, who, e }, ctx) => {
            const [dist, open] = expectArray(await ctx.call('verify', [e, who, db]), `verify(encoding, '${who}', database)`, 2);
            const want = distance(e, db[who] as NdArray);
            expectClose(expectNumber(dist!, 'the distance (the first item verify returns)'), want, 'the distance');
            if (typeof open !== 'boolean') violated(`the door decision (the second item verify returns) should be true or false, but is ${String(open)}.`);
            if (!indistinct(0.7, want) && open !== want < 0.7) violated(`at distance ${formatNumber(want)} the door should ${want < 0.7 ? 'open (distance < 0.7)' : 'stay closed (distance ≥ 0.7)'}, but verify returns ${open}.`);
          },
        }),
      ],
    },
    {
      name: 'whoIsIt',
      checks: [
        reference({
          name: 'seeded cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(43);
            const db = database(s, ['danielle', 'younes', 'tian', 'bertrand', 'kian', 'dan'], 16);
            const near = (name: string, noise: number) => normalised(nd((db[name] as NdArray).data.map((v) => v + s.randn([1], noise).data[0]!), [1, 16]));
            return [
              { name: 'a close encoding of kian', args: [near('kian', 0.05), db] },
              { name: 'a noisy encoding of danielle', args: [near('danielle', 0.2), db] },
              { name: 'someone not in the database', args: [normalised(s.randn([1, 16])), db] },
            ];
          },
        }),
        property({
          name: 'the closest person',
          points: 2,
          claim: 'For any database and encoding, whoIsIt returns [the smallest L2 distance to a database encoding, the name of that person]',
          inputs: recognitionArb,
          numRuns: 20,
          holds: async ({ db, e }, ctx) => {
            const [dist, name] = expectArray(await ctx.call('whoIsIt', [e, db]), 'whoIsIt(encoding, database)', 2);
            const dists = Object.entries(db).map(([k, v]) => [k, distance(e, v as NdArray)] as const).sort((x, y) => x[1] - y[1]);
            // Everybody farther than 0.7: the closest person is still the answer (the course prints "not in the database", it returns them).
            if (dists[0]![1] > 0.7 && !indistinct(dists[0]![1], 0.7) && (name !== dists[0]![0] || (typeof dist === 'number' && indistinct(dist, 0.7)))) {
              violated(
                `every database encoding is farther than 0.7 (the closest, ${dists[0]![0]}, at ${formatNumber(dists[0]![1])}), and whoIsIt returns [${typeof dist === 'number' ? formatNumber(dist) : String(dist)}, ${JSON.stringify(name)}].`,
                STRANGER_HINT,
              );
            }
            expectClose(expectNumber(dist!, 'the distance (the first item whoIsIt returns)'), dists[0]![1], 'the smallest distance');
            const tie = dists.length > 1 && indistinct(dists[0]![1], dists[1]![1]);
            if (!tie && name !== dists[0]![0])
              violated(`the closest person is ${dists[0]![0]} (distance ${formatNumber(dists[0]![1])}), but whoIsIt returns ${JSON.stringify(name)}. Distances: ${dists.map(([k, v]) => `${k} ${formatNumber(v)}`).join(', ')}.`);
          },
        }),
      ],
    },
  ],
});
