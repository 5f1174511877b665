/**
 * Grader: course 5, week 2 — word2vec with negative sampling.
 *
 * skipGramPairs: seeded corpora, and (with all-distinct words, so every pair
 * names its two positions) exactly the pairs within the window, in order.
 * unigramDistribution: seeded counts; a distribution whose ratios follow the power.
 * negativeSamples: seeded draws (numpy's stream, exact), valid indices, and a
 * chi-square test of the draws against p. negativeSamplingLoss: seeded cases
 * (negatives equal to the context, repeated); (k + 1)·log 2 at zero embeddings;
 * additive over negatives; monotone in the scores. negativeSamplingGradients:
 * seeded cases, a per-element gradient check against the learner's own loss,
 * and zero rows for the words the pair does not use. trainWord2vec: seeded
 * training runs, and the planted groups of lib/datasets/word2vec-corpus.ts
 * recovered (plus the loss falling).
 */
import * as fc from 'fast-check';
import { dim, dims, tensor } from '../../engine/arbitraries';
import { expectArray, expectNumber, expectRecord, expectTensor, violated } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, gradient, property, reference, type CheckContext } from '../../engine/define';
import { formatNumber, nd, zeros, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { scaleOf, tolerance } from '../../engine/tolerance';
import type { Value } from '../../engine/values';
import { plantedCorpus } from '../../../lib/datasets/word2vec-corpus';

// ---------------------------------------------------------------- helpers

/** `n` integers in [0, high) drawn from a Seeded stream. */
const ints = (s: Seeded, n: number, high: number) => s.uniform([n], 0, high).data.map((x) => Math.min(high - 1, Math.floor(x)));
/** A seed for a generator, drawn from a Seeded stream (so hidden cases get other ones). */
const seedOf = (s: Seeded) => ints(s, 1, 100_000)[0]!;

/** A normalised distribution over v words, every word likely enough to be drawn. */
function distribution(s: Seeded, v: number): number[] {
  const w = s.uniform([v], 0.2, 1).data;
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

function intArray(v: Value, what: string, length?: number, high?: number): number[] {
  const out = expectArray(v, what, length);
  return out.map((x, i) => {
    if (typeof x !== 'number' || !Number.isInteger(x)) violated(`item ${i} of ${what} is ${JSON.stringify(x)}, not an integer word index.`, 'Return plain integer indices (the numbers np.random.choice returns), not tensors or probabilities.');
    if (high !== undefined && (x < 0 || x >= high)) violated(`item ${i} of ${what} is ${x}, outside [0, ${high}).`);
    return x;
  });
}

async function pairsOf(ctx: CheckContext, corpus: number[], w: number): Promise<[number, number][]> {
  const out = expectArray(await ctx.call('skipGramPairs', [corpus, w]), `skipGramPairs(corpus, ${w})`);
  return out.map((p, i) => {
    const pair = expectArray(p, `pair ${i}`, 2);
    if (!pair.every((x) => typeof x === 'number' && Number.isInteger(x))) violated(`pair ${i} is ${JSON.stringify(pair)}, not two word indices.`);
    return pair as [number, number];
  });
}

async function distributionOf(ctx: CheckContext, counts: number[], power: number): Promise<number[]> {
  const out = expectArray(await ctx.call('unigramDistribution', [counts, power]), `unigramDistribution(counts, ${power})`, counts.length);
  return out.map((x, i) => expectNumber(x, `p[${i}]`));
}

async function lossOf(ctx: CheckContext, V: NdArray, U: NdArray, c: number, o: number, negatives: number[]): Promise<number> {
  return expectNumber(await ctx.call('negativeSamplingLoss', [V, U, c, o, negatives]), `negativeSamplingLoss(V, U, ${c}, ${o}, [${negatives.join(', ')}])`);
}

async function gradientsOf(ctx: CheckContext, V: NdArray, U: NdArray, c: number, o: number, negatives: number[]) {
  const out = expectRecord(await ctx.call('negativeSamplingGradients', [V, U, c, o, negatives]), 'negativeSamplingGradients(…)', ['dV', 'dU']);
  return { dV: expectTensor(out.dV!, 'dV', [...V.shape]), dU: expectTensor(out.dU!, 'dU', [...U.shape]) };
}

type Trained = { V: NdArray; U: NdArray; losses: number[] };
async function trainOf(ctx: CheckContext, args: Value[], vocab: number, d: number, epochs: number): Promise<Trained> {
  const out = expectRecord(await ctx.call('trainWord2vec', args, { timeoutMs: 60_000 }), 'trainWord2vec(…)', ['V', 'U', 'losses']);
  const losses = expectArray(out.losses!, 'losses', epochs).map((x, i) => expectNumber(x, `losses[${i}]`));
  return { V: expectTensor(out.V!, 'V', [vocab, d]), U: expectTensor(out.U!, 'U', [vocab, d]), losses };
}

/** The number of (position, position) pairs at most w apart in a corpus of T words. */
function pairCount(T: number, w: number): number {
  let n = 0;
  for (let t = 0; t < T; t++) n += Math.min(T - 1, t + w) - Math.max(0, t - w);
  return n;
}

const row = (a: NdArray, i: number) => a.data.slice(i * a.shape[1]!, (i + 1) * a.shape[1]!);
// A few float32 operations per value (a power, a division, −log σ(0)), summed over a handful of words: a few u.
const near = (want: number, got: number) => withinTolerance(want, got, tolerance('elementwise'));
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const cosine = (a: number[], b: number[]) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b) || 1);

// ---------------------------------------------------------------- the sampler's distribution

const TARGET = [0.05, 0.1, 0.15, 0.2, 0.5];
const DRAWS = 2000;
/** With 4 degrees of freedom, a chi-square exceeds 40 with probability e^−20·21 < 5·10⁻⁸. */
const CHI2_LIMIT = 40;

function chiSquare(counts: number[], p: number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  return counts.reduce((s, c, i) => s + (c - n * p[i]!) ** 2 / (n * p[i]!), 0);
}

// ---------------------------------------------------------------- arbitraries

/** A corpus of T distinct words (a shuffled range with an offset), and a window. */
const distinctCorpusArb = fc
  .record({ T: dim(9, 1), w: dim(4, 1), offset: fc.integer({ min: 0, max: 20 }) })
  .chain(({ T, w, offset }) =>
    fc.record({ w: fc.constant(w), corpus: fc.shuffledSubarray(Array.from({ length: T }, (_, i) => i + offset), { minLength: T, maxLength: T }) }),
  );

const countsArb = fc.record({
  counts: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 2, maxLength: 8 }),
  power: fc.integer({ min: 2, max: 12 }).map((x) => x / 8), // 0.25 … 1.5 in steps of 1/8
});

/** Embeddings for v words, a centre, a context and negatives that avoid the context (and each other). */
const embeddingArb = dims({ v: [4, 6], d: [2, 4] }).chain(({ v, d }) =>
  fc.record({
    V: tensor([v, d], { min: -1, max: 1, step: 0.125 }),
    U: tensor([v, d], { min: -1, max: 1, step: 0.125 }),
    picks: fc.shuffledSubarray(Array.from({ length: v }, (_, i) => i), { minLength: 3, maxLength: 3 }),
    c: fc.integer({ min: 0, max: v - 1 }),
  }),
);

// ---------------------------------------------------------------- gradient-check point

const gradPoint = (() => {
  const s = new Seeded(61);
  // A negative equal to the context, and one drawn twice: their contributions add up.
  return { V: s.randn([5, 3], 0.8), U: s.randn([5, 3], 0.8), c: 1, o: 3, negatives: [3, 0, 0, 4] };
})();

// ---------------------------------------------------------------- the planted structure

const PLANTED = { groups: 3, wordsPerGroup: 4, sentences: 30, sentenceLength: 6 };
const TRAIN = { d: 5, window: 2, k: 3, lr: 0.2, epochs: 3 };
/** Correct training gives a gap above 0.5 on every corpus and seed tried (30 of them); chance gives about 0. */
const GAP = 0.25;

export default defineAssignment({
  id: 'course5/week2/word2vec',
  title: 'Word2vec with negative sampling',
  exercises: [
    {
      name: 'skipGramPairs',
      checks: [
        reference({
          name: 'seeded corpora',
          points: 3,
          cases: async () => {
            const s = new Seeded(1);
            return [
              { T: 12, v: 5, w: 2 },
              { T: 9, v: 3, w: 1 }, // small vocabulary: the same word often sits next to itself
              { T: 10, v: 8, w: 3 },
              { T: 3, v: 4, w: 4 }, // a window wider than the corpus
            ].map(({ T, v, w }) => ({ name: `${T} words from a vocabulary of ${v}, window ${w}`, args: [ints(s, T, v), w] as Value[] }));
          },
        }),
        property({
          name: 'exactly the pairs within the window',
          points: 2,
          claim: 'For a corpus of distinct words, the pairs are exactly the [corpus[t], corpus[j]] with 1 ≤ |j − t| ≤ windowSize, each once',
          inputs: distinctCorpusArb,
          numRuns: 20,
          holds: async ({ corpus, w }, ctx) => {
            const pairs = await pairsOf(ctx, corpus, w);
            const pos = new Map(corpus.map((x, i) => [x, i]));
            const seen = new Set<string>();
            for (const [i, [c, o]] of pairs.entries()) {
              const [t, j] = [pos.get(c), pos.get(o)];
              if (t === undefined || j === undefined) violated(`pair ${i} is [${c}, ${o}], but ${t === undefined ? c : o} is not in the corpus.`);
              if (t === j) violated(`pair ${i} is [${c}, ${c}]: a word paired with itself at the same position.`, 'The centre is not its own context: skip the offset 0 (j === t).');
              if (Math.abs(t - j) > w) violated(`pair ${i} is [${c}, ${o}], ${Math.abs(t - j)} positions apart, beyond the window ${w}.`, `Contexts are at most windowSize positions from the centre: j from t − windowSize to t + windowSize.`);
              if (seen.has(`${t},${j}`)) violated(`pair ${i}, [${c}, ${o}], is listed twice.`);
              seen.add(`${t},${j}`);
            }
            const expected = pairCount(corpus.length, w);
            if (pairs.length !== expected) {
              // Only pairs closer than the window, every one of them: the window stops one short.
              const short = w > 1 && pairs.length === pairCount(corpus.length, w - 1) && [...seen].every((k) => { const [t, j] = k.split(',').map(Number); return Math.abs(t! - j!) < w; });
              violated(
                `${pairs.length} pairs for ${corpus.length} words and window ${w}; there are ${expected}.`,
                short ? `No pair is ${w} positions apart: the window includes offsets up to ±windowSize (j ≤ t + windowSize, inclusive).` : undefined,
              );
            }
          },
        }),
        property({
          name: 'in order',
          points: 1,
          claim: 'The pairs are listed by centre position, and for each centre by context position from left to right (the order the training visits them)',
          inputs: distinctCorpusArb,
          numRuns: 10,
          holds: async ({ corpus, w }, ctx) => {
            const pairs = await pairsOf(ctx, corpus, w);
            const pos = new Map(corpus.map((x, i) => [x, i]));
            const key = ([c, o]: [number, number]) => (pos.get(c) ?? -1) * 1000 + (pos.get(o) ?? -1);
            for (let i = 1; i < pairs.length; i++) {
              if (key(pairs[i]!) <= key(pairs[i - 1]!)) {
                violated(`pair ${i}, [${pairs[i]!.join(', ')}], comes after [${pairs[i - 1]!.join(', ')}].`, 'Loop over the centre position t first, then over the context positions j from left to right.');
              }
            }
          },
        }),
      ],
    },
    {
      name: 'unigramDistribution',
      checks: [
        reference({
          name: 'seeded counts',
          points: 2,
          cases: async () => {
            const s = new Seeded(2);
            const counts = (n: number) => ints(s, n, 60).map((c) => c + 1);
            return [
              { name: '6 words, power 3/4', args: [counts(6)] as Value[] },
              { name: '9 words, power 3/4', args: [counts(9), 0.75] as Value[] },
              { name: '4 words, power 1/2', args: [counts(4), 0.5] as Value[] },
            ];
          },
        }),
        property({
          name: 'a distribution',
          points: 1,
          claim: 'The result has one probability per word, none negative, summing to 1',
          inputs: countsArb,
          numRuns: 15,
          holds: async ({ counts, power }, ctx) => {
            const p = await distributionOf(ctx, counts, power);
            const bad = p.findIndex((x) => !(x >= 0));
            if (bad >= 0) violated(`p[${bad}] is ${formatNumber(p[bad]!)}.`);
            const total = p.reduce((a, b) => a + b, 0);
            if (!near(1, total)) violated(`the probabilities sum to ${formatNumber(total)}, not 1.`, 'Divide every count^power by the sum of all of them (after raising to the power).');
          },
        }),
        property({
          name: 'ratios follow the power',
          points: 2,
          claim: 'p[i] / p[j] = (counts[i] / counts[j])^power for every two words',
          inputs: countsArb,
          numRuns: 15,
          holds: async ({ counts, power }, ctx) => {
            const p = await distributionOf(ctx, counts, power);
            for (let i = 1; i < counts.length; i++) {
              const want = (counts[i]! / counts[0]!) ** power;
              const got = p[i]! / p[0]!;
              if (!near(want, got)) {
                const plain = counts[i]! / counts[0]!;
                violated(
                  `counts ${counts[i]} and ${counts[0]} give p[${i}] / p[0] = ${formatNumber(got)}; with power ${power} it should be (${counts[i]}/${counts[0]})^${power} = ${formatNumber(want)}.`,
                  power !== 1 && near(plain, got) ? 'The counts are not raised to the power: p ∝ counts^power (¾ by default), which flattens the distribution.' : undefined,
                );
              }
            }
          },
        }),
      ],
    },
    {
      name: 'negativeSamples',
      checks: [
        reference({
          name: 'seeded draws',
          points: 3,
          cases: async () => {
            const s = new Seeded(3);
            return [
              { v: 6, k: 5 },
              { v: 10, k: 12 },
              { v: 3, k: 8 },
            ].map(({ v, k }) => {
              const seed = seedOf(s);
              return { name: `${v} words, k = ${k}, seed ${seed}`, args: [distribution(s, v), k, seed] as Value[] };
            });
          },
        }),
        property({
          name: 'valid draws',
          points: 1,
          claim: 'The result is k word indices in [0, p.length), never a word of probability 0, and the same seed gives the same draws',
          inputs: fc.record({ v: dim(7, 3), k: dim(10, 1), zero: fc.nat(6), seed: fc.integer({ min: 0, max: 100_000 }) }),
          numRuns: 10,
          holds: async ({ v, k, zero, seed }, ctx) => {
            const z = zero % v;
            const p = Array.from({ length: v }, (_, i) => (i === z ? 0 : 1 / (v - 1)));
            const draw = async () => intArray(await ctx.call('negativeSamples', [p, k, seed]), `negativeSamples(p, ${k}, ${seed})`, k, v);
            const first = await draw();
            if (first.includes(z)) violated(`word ${z} has probability 0 but was drawn.`, 'Draw with the probabilities: np.random.choice(p.length, { p }).');
            const again = await draw();
            if (again.join() !== first.join()) violated(`two calls with seed ${seed} drew [${first.join(', ')}] and [${again.join(', ')}].`, 'Call np.random.seed(seed) first when a seed is given.');
          },
        }),
        property({
          name: 'draws follow p',
          points: 2,
          claim: `With p = [${TARGET.join(', ')}], ${DRAWS} draws (k = ${DRAWS}) pass a chi-square test against p (statistic below ${CHI2_LIMIT}, which a correct sampler exceeds with probability < 10⁻⁷)`,
          inputs: fc.integer({ min: 0, max: 100_000 }),
          numRuns: 2,
          holds: async (seed, ctx) => {
            const drawn = intArray(await ctx.call('negativeSamples', [TARGET, DRAWS, seed]), `negativeSamples(p, ${DRAWS}, ${seed})`, DRAWS, TARGET.length);
            const counts = TARGET.map((_, i) => drawn.filter((x) => x === i).length);
            const stat = chiSquare(counts, TARGET);
            if (!(stat < CHI2_LIMIT)) {
              violated(
                `the frequencies of the ${DRAWS} draws are [${counts.map((c) => formatNumber(c / DRAWS)).join(', ')}], expected [${TARGET.join(', ')}]: chi-square ${formatNumber(stat)} ≥ ${CHI2_LIMIT}.`,
                'Draw every negative independently with the probabilities p: np.random.choice(p.length, { p }), seeding once before the k draws.',
              );
            }
          },
        }),
      ],
    },
    {
      name: 'negativeSamplingLoss',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(4);
            return [
              { v: 6, d: 4, c: 2, o: 5, neg: [0, 3, 1] },
              { v: 7, d: 3, c: 0, o: 4, neg: [4, 6, 6, 2, 1] }, // a negative equal to the context, one drawn twice
              { v: 5, d: 5, c: 3, o: 1, neg: [] },
              { v: 8, d: 2, c: 7, o: 2, neg: [7, 5] }, // a negative equal to the centre word
            ].map(({ v, d, c, o, neg }) => ({
              name: `vocab ${v}, d = ${d}, centre ${c}, context ${o}, negatives [${neg.join(', ')}]`,
              args: [s.randn([v, d], 0.7), s.randn([v, d], 0.7), c, o, neg] as Value[],
            }));
          },
        }),
        property({
          name: 'log 2 per word at zero embeddings',
          points: 1,
          claim: 'With V = U = 0 every σ is ½, so the loss of a pair with k negatives is (k + 1)·log 2',
          inputs: fc.record({ sizes: dims({ v: [3, 6], d: 4 }), k: fc.integer({ min: 0, max: 5 }), seed: fc.nat(1000) }).map(({ sizes, ...rest }) => ({ ...sizes, ...rest })),
          numRuns: 8,
          holds: async ({ v, d, k, seed }, ctx) => {
            const negatives = Array.from({ length: k }, (_, i) => (seed + 3 * i) % v);
            const loss = await lossOf(ctx, zeros([v, d]), zeros([v, d]), seed % v, (seed + 1) % v, negatives);
            const want = (k + 1) * Math.LN2;
            if (!near(want, loss)) {
              // A negative drawn twice counts twice: a loss over the distinct negatives only is its own mistake.
              const distinct = new Set(negatives).size;
              const deduplicated = distinct < k && near((distinct + 1) * Math.LN2, loss);
              const mean = !deduplicated && near(2 * Math.LN2, loss) && k > 1;
              violated(
                `the loss is ${formatNumber(loss)}, expected (${k} + 1)·log 2 = ${formatNumber(want)}.`,
                deduplicated
                  ? 'A negative drawn twice counts twice: sum −log σ(−u_n·v_c) over the k draws as they are, repeats included (do not remove duplicates).'
                  : mean
                    ? 'The negatives\' terms are averaged: the loss sums −log σ(−u_k·v_c) over the k negatives.'
                    : undefined,
              );
            }
          },
        }),
        property({
          name: 'finite for confident wrong scores',
          points: 1,
          claim: 'When every score is wrong by s ≥ 90 (u_o·v_c = −s, u_n·v_c = +s), each term −log σ(∓s) is s, so the loss is (k + 1)·s: finite, not log 0',
          inputs: fc.record({ s: fc.integer({ min: 90, max: 200 }), k: fc.integer({ min: 0, max: 3 }) }),
          numRuns: 4,
          holds: async ({ s, k }, ctx) => {
            // Word 0 the centre, word 1 the context, words 2… the negatives, in 2 dimensions.
            const v = k + 2;
            const V = nd(Array.from({ length: v * 2 }, (_, i) => (i === 0 ? 10 : 0)), [v, 2]);
            const U = nd(Array.from({ length: v * 2 }, (_, i) => (i % 2 === 1 ? 0 : i === 2 ? -s / 10 : i >= 4 ? s / 10 : 0)), [v, 2]);
            const negatives = Array.from({ length: k }, (_, i) => i + 2);
            const loss = await lossOf(ctx, V, U, 0, 1, negatives);
            const want = (k + 1) * s;
            if (!withinTolerance(want, loss, tolerance('float32'))) {
              violated(
                `with every score wrong by ${s}, the loss is ${formatNumber(loss)}, expected (${k} + 1)·${s} = ${want}.`,
                Number.isFinite(loss) ? undefined : "Compute log σ with tf.logSigmoid: tf.log(tf.sigmoid(x)) underflows to log 0 = −∞ once a score is wrong by about 90 or more (float32).",
              );
            }
          },
        }),
        property({
          name: 'additive over negatives',
          points: 1,
          claim: 'Each negative adds its own term: L(c, o, [a, b]) = L(c, o, [a]) + L(c, o, [b]) − L(c, o, [])',
          inputs: embeddingArb,
          numRuns: 8,
          holds: async ({ V, U, picks, c }, ctx) => {
            const [o, a, b] = picks as [number, number, number];
            const [lab, la, lb, l0] = [await lossOf(ctx, V, U, c, o, [a, b]), await lossOf(ctx, V, U, c, o, [a]), await lossOf(ctx, V, U, c, o, [b]), await lossOf(ctx, V, U, c, o, [])];
            if (!withinTolerance(lab, la + lb - l0, tolerance('float32', { scale: scaleOf(la, lb, l0) }))) {
              violated(`L([${a}, ${b}]) = ${formatNumber(lab)}, but L([${a}]) + L([${b}]) − L([]) = ${formatNumber(la + lb - l0)}.`, 'The loss sums one term per negative (no mean, no other normalisation).');
            }
          },
        }),
        property({
          name: 'monotone in the scores',
          points: 1,
          claim: 'Raising the context word\'s score u_o·v_c lowers the loss; raising a negative\'s score u_k·v_c raises it',
          inputs: embeddingArb,
          numRuns: 8,
          holds: async ({ V, U, picks, c }, ctx) => {
            const [o, n] = picks as [number, number, number];
            const d = V.shape[1]!;
            const vc = row(V, c);
            if (dot(vc, vc) < 0.05) return; // v_c ≈ 0: the scores barely move
            // U with row r moved by t·v_c: its score changes by t·|v_c|².
            const shifted = (r: number, t: number) => nd(U.data.map((x, i) => (Math.floor(i / d) === r ? x + t * vc[i % d]! : x)), U.shape);
            const base = await lossOf(ctx, V, U, c, o, [n]);
            const upContext = await lossOf(ctx, V, shifted(o, 1), c, o, [n]);
            const upNegative = await lossOf(ctx, V, shifted(n, 1), c, o, [n]);
            if (!(upContext < base)) violated(`raising u_o·v_c took the loss from ${formatNumber(base)} to ${formatNumber(upContext)}.`, 'The context word is a positive example: its term is −log σ(u_o·v_c).');
            if (!(upNegative > base)) violated(`raising a negative's u_k·v_c took the loss from ${formatNumber(base)} to ${formatNumber(upNegative)}.`, 'A negative is a negative example: its term is −log σ(−u_k·v_c), with the minus inside σ.');
          },
        }),
      ],
    },
    {
      name: 'negativeSamplingGradients',
      dependsOn: ['negativeSamplingLoss'],
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(5);
            return [
              { v: 6, d: 3, c: 1, o: 4, neg: [0, 2, 5] },
              { v: 7, d: 4, c: 5, o: 2, neg: [2, 3, 3, 6] }, // a negative equal to the context, one drawn twice
              { v: 4, d: 2, c: 0, o: 3, neg: [] },
              { v: 5, d: 3, c: 2, o: 0, neg: [2, 4] }, // a negative equal to the centre word
            ].map(({ v, d, c, o, neg }) => ({
              name: `vocab ${v}, d = ${d}, centre ${c}, context ${o}, negatives [${neg.join(', ')}]`,
              args: [s.randn([v, d], 0.7), s.randn([v, d], 0.7), c, o, neg] as Value[],
            }));
          },
        }),
        gradient({
          name: 'gradient check, every entry',
          points: 3,
          mode: 'entries',
          at: () => ({ V: gradPoint.V, U: gradPoint.U }),
          cost: async (ctx, q) => lossOf(ctx, q.V!, q.U!, gradPoint.c, gradPoint.o, gradPoint.negatives),
          gradients: async (ctx, q) => {
            const { dV, dU } = await gradientsOf(ctx, q.V!, q.U!, gradPoint.c, gradPoint.o, gradPoint.negatives);
            return { V: dV, U: dU };
          },
        }),
        property({
          name: 'only the rows the pair uses',
          points: 1,
          claim: 'dV is zero outside row c, and dU is zero outside the rows of the context and the negatives',
          inputs: embeddingArb,
          numRuns: 8,
          holds: async ({ V, U, picks, c }, ctx) => {
            const [o, a] = picks as [number, number, number];
            const { dV, dU } = await gradientsOf(ctx, V, U, c, o, [a]);
            for (let r = 0; r < V.shape[0]!; r++) {
              if (r !== c && row(dV, r).some((x) => x !== 0)) violated(`row ${r} of dV is [${row(dV, r).map(formatNumber).join(', ')}], but only the centre's row ${c} is in the loss.`);
              if (r !== o && r !== a && row(dU, r).some((x) => x !== 0)) violated(`row ${r} of dU is [${row(dU, r).map(formatNumber).join(', ')}], but only rows ${o} (context) and ${a} (negative) are in the loss.`);
            }
          },
        }),
      ],
    },
    {
      name: 'trainWord2vec',
      dependsOn: ['skipGramPairs', 'unigramDistribution', 'negativeSamples', 'negativeSamplingLoss', 'negativeSamplingGradients'],
      checks: [
        reference({
          name: 'seeded training runs',
          points: 4,
          timeoutMs: 60_000,
          cases: async () => {
            const s = new Seeded(6);
            const cases = [
              { groups: 2, wordsPerGroup: 3, sentences: 8, sentenceLength: 5, d: 4, w: 2, k: 2, lr: 0.1, epochs: 2 },
              { groups: 3, wordsPerGroup: 2, sentences: 6, sentenceLength: 4, d: 3, w: 1, k: 3, lr: 0.2, epochs: 3 },
            ].map(({ d, w, k, lr, epochs, ...shape }) => {
              const { corpus, words } = plantedCorpus({ ...shape, seed: seedOf(s) });
              const seed = seedOf(s);
              return {
                name: `${corpus.length} words, vocab ${words.length}, d = ${d}, window ${w}, k = ${k}, learning rate ${lr}, ${epochs} epochs, seed ${seed}`,
                args: [corpus, words.length, d, w, k, lr, epochs, seed] as Value[],
              };
            });
            // One hidden run is enough for what hidden cases are for (a table of the published runs earns nothing: the score
            // is the smaller of the public and hidden shares); every mistake the runs tell apart shows on the public ones.
            // The second, the cheaper (about 140 updates, against 300), which every known mistake fails.
            return Seeded.hiddenVariant ? cases.slice(1) : cases;
          },
        }),
        property({
          name: 'planted groups recovered',
          points: 2,
          timeoutMs: 60_000,
          claim: `Trained on a generated corpus of ${PLANTED.groups} topic groups (lib/datasets/word2vec-corpus.ts; d = ${TRAIN.d}, window ${TRAIN.window}, k = ${TRAIN.k}, learning rate ${TRAIN.lr}, ${TRAIN.epochs} epochs), the mean cosine similarity of the centre vectors (rows of V) of two words of the same group exceeds that of two words of different groups by more than ${GAP}, and the mean loss of the last epoch is below the first's`,
          inputs: fc.record({ corpusSeed: fc.integer({ min: 0, max: 100_000 }), seed: fc.integer({ min: 0, max: 100_000 }) }),
          // One run: a run is ~2000 updates (≈0.25 s), and its corpus and seed are drawn anew at every grading seed. A smaller
          // corpus is no cheaper way: with 15 sentences a correct run's gap fell to 0.22 (below GAP) at one seed of 40.
          numRuns: 1,
          holds: async ({ corpusSeed, seed }, ctx) => {
            const { corpus, words, groups } = plantedCorpus({ ...PLANTED, seed: corpusSeed });
            const { d, window, k, lr, epochs } = TRAIN;
            const out = await trainOf(ctx, [corpus, words.length, d, window, k, lr, epochs, seed], words.length, d, epochs);
            const group = (i: number) => groups.findIndex((g) => g.includes(i));
            let [within, nWithin, between, nBetween] = [0, 0, 0, 0];
            for (let i = 0; i < words.length; i++) {
              for (let j = i + 1; j < words.length; j++) {
                const sim = cosine(row(out.V, i), row(out.V, j));
                if (group(i) === group(j)) [within, nWithin] = [within + sim, nWithin + 1];
                else [between, nBetween] = [between + sim, nBetween + 1];
              }
            }
            const gap = within / nWithin - between / nBetween;
            if (!(gap > GAP)) {
              const diverged = !out.V.data.every(Number.isFinite);
              violated(
                `the mean cosine similarity is ${formatNumber(within / nWithin)} within groups and ${formatNumber(between / nBetween)} between them: a gap of ${formatNumber(gap)}, not above ${GAP}${diverged ? ' (V holds NaN or infinite values)' : ''}.`,
                diverged ? 'The embeddings blow up: step against the gradients, V −= learningRate·dV and U −= learningRate·dU, so that the loss falls.' : undefined,
              );
            }
            const [first, last] = [out.losses[0]!, out.losses[epochs - 1]!];
            // Steps along the gradients make the loss climb fast; a loss that merely fails to fall has other causes
            // (the same negatives for every pair, a wrong row updated), which this hint would misname.
            if (!(last < first)) {
              violated(
                `the mean loss went from ${formatNumber(first)} (first epoch) to ${formatNumber(last)} (last epoch).`,
                last > 2 * first ? 'Step against the gradients: V −= learningRate·dV and U −= learningRate·dU after every pair.' : undefined,
              );
            }
          },
        }),
      ],
    },
  ],
});
