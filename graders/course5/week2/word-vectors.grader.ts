/**
 * Grader: course 5, week 2 — operations on word vectors and debiasing.
 *
 * The course's GloVe vectors cannot ship, so every case is an embedding built
 * for the purpose from seeded random vectors, with its structure planted:
 * analogies whose answer is known by construction (and decoy words that only a
 * known mistake picks), bias axes that are not unit vectors, pairs whose mean
 * is longer or shorter than 1. There is no gradient anywhere in this
 * assignment (nothing is trained), so there are no gradient checks.
 *
 * cosineSimilarity: seeded pairs; in [−1, 1] and 1 with itself; invariant to
 * positive scaling. completeAnalogy: planted analogies; never an input word;
 * a planted answer found on random words. neutralize: seeded cases; nothing
 * left along the axis; the orthogonal part unchanged; the axis's length does
 * not matter. equalize: seeded cases; the pair symmetric about the axis;
 * equidistant from any neutralized word.
 */
import * as fc from 'fast-check';
import { dim, tensor } from '../../engine/arbitraries';
import { expectArray, expectNumber, expectTensor, violated } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, property, reference, type CheckContext } from '../../engine/define';
import { callOrThrow } from '../../engine/implementation';
import { formatNumber, nd, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { tolerance } from '../../engine/tolerance';
import type { Value, ValueRecord } from '../../engine/values';

// ---------------------------------------------------------------- the known mistakes (the mutants' hints)

const ANALOGY_NONE_CHOSEN =
  "No word was chosen: the best similarity starts too high (0?), and here no candidate beats it (every similarity is 0 or below). Start it below any cosine, which can be as low as −1 (the course's −100).";

const HINTS = {
  cosNoNorms: 'This is the dot product u·v alone: divide it by the product of the two norms, ||u||₂·||v||₂, so that the result is a cosine in [−1, 1].',
  cosOneNorm: 'Only one norm divides the dot product: the cosine is u·v / (||u||₂·||v||₂), with both norms.',
  cosAbs: 'The cosine keeps its sign: vectors pointing opposite ways have a negative cosine (−1 for opposite ones), so take no absolute value: cosineSimilarity(−u, v) = −cosineSimilarity(u, v).',
  cosNoSqrt: 'The dot product is divided by the sums of squares Σu²·Σv²: the norms are their square roots, ||u||₂ = √(Σu²).',
  analogy3CosAdd:
    'Compare the offsets, as the course does: cos(e_b − e_a, e_w − e_c), the relation word_a → word_b against word_c → w. Not cos(e_c + e_b − e_a, e_w): that prefers any word pointing the same way as e_c + e_b − e_a, however near or far.',
  analogyInput: 'The answer is one of the input words: skip all three of word_a, word_b and word_c in the loop over the words.',
  analogyFlipped: 'The relation is reversed (e_a − e_b, or the smallest cosine kept): find the word whose e_w − e_c is most similar to e_b − e_a, keeping the largest cosine.',
  analogyNoC: 'Each word\'s own vector e_w is compared with e_b − e_a: compare its offset from word_c, e_w − e_c.',
  analogyDistance:
    'The answer is chosen by a distance, not by the angle: keep the word whose offset e_w − e_c has the largest cosine similarity with e_b − e_a. A word further along the relation (e_w − e_c = 3·(e_b − e_a)) has cosine 1 and is the answer, however far e_w lies from e_c + e_b − e_a.',
  neuDivNorm: 'The projection divides by ||g||₂ instead of ||g||₂²: the bias component is (e·g / ||g||₂²)·g.',
  neuWrongVector: 'The projection is taken along e instead of g: the bias component is (e·g / ||g||₂²)·g, a multiple of g.',
  neuAdds: 'The bias component is added instead of subtracted: e_debiased = e − e_biascomponent.',
  neuReturnsBias: 'This is the bias component itself: return the vector minus it, e − (e·g / ||g||₂²)·g.',
  neuElementwise: 'e·g is computed element-wise here: it is a dot product, one number (tf.dot, or the sum of the element-wise product).',
  eqNoAbs: 'NaN: a square root of a negative number. The course takes √|1 − ||mu_orth||₂²|, with the absolute value, because ||mu_orth||₂ can exceed 1.',
  eqNoSqrt: 'The correction factor is |1 − ||mu_orth||₂²| without its square root: use √|1 − ||mu_orth||₂²|.',
  eqNoCorrection: 'The bias parts are not rescaled: corrected e_w1B = √|1 − ||mu_orth||₂²| · (e_w1B − mu_B) / ||(e_w1 − mu_orth) − mu_B||₂, and likewise for e_w2B.',
  eqMuNotOrth: 'e1 and e2 add the whole mean mu: add only its part orthogonal to the axis, mu_orth = mu − mu_B.',
  eqE2Copy: 'e2 is the same as e1: compute e2 from e_w2 and its own bias part e_w2B.',
  eqElementwiseAbs: 'The denominator is a vector of element-wise absolute values: divide by the norm ||(e_w1 − mu_orth) − mu_B||₂, one number.',
} as const;

// ---------------------------------------------------------------- vectors (plain arrays)

type Vec = number[];
const dot = (a: Vec, b: Vec) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: Vec) => Math.sqrt(dot(a, a));
const add = (a: Vec, b: Vec) => a.map((x, i) => x + b[i]!);
const sub = (a: Vec, b: Vec) => a.map((x, i) => x - b[i]!);
const scale = (a: Vec, k: number) => a.map((x) => x * k);
/** The part of a orthogonal to g. */
const orth = (a: Vec, g: Vec) => sub(a, scale(g, dot(a, g) / dot(g, g)));
const vec1 = (v: Vec): NdArray => nd(v, [v.length]);
/** |a − b| ≤ tol·(1 + |b|). */
const near = (a: number, b: number, tol = 1e-3) => Math.abs(a - b) <= tol * (1 + Math.abs(b));
const nearVec = (a: Vec, b: Vec, tol = 1e-3) => norm(sub(a, b)) <= tol * (1 + norm(b));
// A float32 cosine of u with itself (or its bound): the same squares summed above and below, so 1 within a few u.
const nearOne = (x: number) => withinTolerance(1, x, tolerance('elementwise'));
// A float32 cosine is a sum of d products normalised to unit scale: float32's tolerance with the unit as its scale.
const COSINE = tolerance('float32', { scale: 1 });
/** Whether a float32 vector quantity is `want`, its rounding on the order of the vectors it is built from (`scale`). */
const closeAt = (want: number, got: number, scale: number) => withinTolerance(want, got, tolerance('float32', { scale }));
// Not a tolerance: below a cosine of 1% between e and g, the ratio dot(out, g) / dot(e, g) the diagnoses read
// amplifies the result's rounding too much to name a mistake.
const MIN_DIAGNOSABLE_COSINE = 0.01;

/** Words for the maps: real-looking, none of them an answer anywhere. */
const FILLERS = [
  'river', 'stone', 'apple', 'cloud', 'violin', 'garden', 'copper', 'lantern', 'meadow', 'harbor', 'pencil', 'thunder', 'saddle',
  'orchard', 'marble', 'falcon', 'ribbon', 'canyon', 'velvet', 'anchor', 'tunnel', 'walnut', 'glacier', 'candle', 'basket', 'bridge',
];

/** A map from the words to seeded vectors, the words in a seeded order. */
function shuffledMap(s: Seeded, entries: [string, Vec][]): ValueRecord {
  const keys = s.uniform([entries.length]).data;
  const order = entries.map((e, i) => [e, keys[i]!] as const).sort((x, y) => x[1] - y[1]);
  return Object.fromEntries(order.map(([[w, v]]) => [w, vec1(v)]));
}

// ---------------------------------------------------------------- calls

async function cosineOf(ctx: CheckContext, u: NdArray, v: NdArray, what: string): Promise<number> {
  return expectNumber(await ctx.call('cosineSimilarity', [u, v]), what);
}

async function analogyOf(ctx: CheckContext, a: string, b: string, c: string, map: ValueRecord): Promise<string> {
  const out = await ctx.call('completeAnalogy', [a, b, c, map]);
  if (typeof out !== 'string') {
    violated(
      `completeAnalogy("${a}", "${b}", "${c}", wordToVecMap) should return a word (a string), but returned ${JSON.stringify(out)}.`,
      out === null ? ANALOGY_NONE_CHOSEN : 'Return best_word, the word itself, not its vector or its similarity.',
    );
  }
  if (!(out in map)) violated(`completeAnalogy returned "${out}", which is not a word of wordToVecMap.`, 'Loop over the keys of wordToVecMap (Object.keys) and return the best one.');
  return out;
}

async function neutralizeOf(ctx: CheckContext, word: string, g: NdArray, map: ValueRecord): Promise<Vec> {
  const n = g.shape[0]!;
  return expectTensor(await ctx.call('neutralize', [word, g, map]), `neutralize("${word}", g, wordToVecMap)`, [n]).data;
}

async function equalizeOf(ctx: CheckContext, pair: [string, string], axis: NdArray, map: ValueRecord): Promise<[Vec, Vec]> {
  const n = axis.shape[0]!;
  const out = expectArray(await ctx.call('equalize', [pair, axis, map]), `equalize(["${pair[0]}", "${pair[1]}"], biasAxis, wordToVecMap)`, 2);
  const e1 = expectTensor(out[0]!, 'e1 (the first item equalize returns)', [n]).data;
  const e2 = expectTensor(out[1]!, 'e2 (the second item)', [n]).data;
  return [e1, e2];
}

// ---------------------------------------------------------------- cases

/**
 * An analogy a : b :: c : d planted among filler words: b = a + δ, d = c + δ
 * (plus a little noise). Two decoys: c − δ (what a reversed relation finds) and
 * 0.4·δ (what comparing e_w itself with δ finds). `synonym`: c is a itself with
 * a little noise, so that b would win if the input words were not skipped.
 */
function plantedAnalogy(s: Seeded, n: number, fillers: number, words: string[], decoys: [string, string], synonym = false): ValueRecord {
  const [a, b, c, d] = words as [string, string, string, string];
  const eA = s.randn([n]).data;
  const delta = s.randn([n], 1.2).data;
  const eC = synonym ? add(eA, s.randn([n], 0.03).data) : s.randn([n]).data;
  const jitter = (v: Vec) => add(v, s.randn([n], 0.12).data);
  return shuffledMap(s, [
    [a, eA],
    [b, add(eA, delta)],
    [c, eC],
    [d, jitter(add(eC, delta))],
    [decoys[0], jitter(sub(eC, delta))],
    [decoys[1], jitter(scale(delta, 0.4))],
    ...FILLERS.slice(0, fillers).map((w): [string, Vec] => [w, s.randn([n]).data]),
  ]);
}

/**
 * In the hidden variants, the answer's vector under another word's name (drawn among the words not in `keep`), and
 * that word's under the answer's: their vectors are new, but their words would be the public cases', whose answers
 * the learner edition ships. Returns the word that now answers the analogy.
 */
function answerRenamed(s: Seeded, map: Record<string, NdArray>, answer: string, keep: string[]): string {
  if (!Seeded.hiddenVariant) return answer;
  const others = Object.keys(map).filter((w) => w !== answer && !keep.includes(w));
  const other = others[Math.min(others.length - 1, Math.floor(s.uniform([1]).data[0]! * others.length))]!;
  [map[answer], map[other]] = [map[other]!, map[answer]!];
  return other;
}

/**
 * The words a completeAnalogy built on a wrong cosine would pick (the dot
 * product alone, or divided by the squared norms): a decoy one of them picks
 * cannot name an analogy mistake, since the learner's cosine may be the cause.
 */
function wrongCosinePicks(map: Record<string, NdArray>, a: string, b: string, c: string): Set<string> {
  const rel = sub(map[b]!.data, map[a]!.data);
  const criteria = [(o: Vec) => dot(rel, o), (o: Vec) => dot(rel, o) / (dot(rel, rel) * dot(o, o))];
  return new Set(
    criteria.map((f) => {
      let best: [string, number] = ['', -Infinity];
      for (const [w, v] of Object.entries(map)) {
        const x = w === a || w === b || w === c ? -Infinity : f(sub(v.data, map[c]!.data));
        if (x > best[1]) best = [w, x];
      }
      return best[0];
    }),
  );
}

/** A map of `count` filler words with seeded vectors of length n (× scale). */
const fillerMap = (s: Seeded, n: number, count: number, k = 1) => shuffledMap(s, FILLERS.slice(0, count).map((w): [string, Vec] => [w, s.randn([n], k).data]));

// ---------------------------------------------------------------- arbitraries

const unbiased = (min: number, max: number) => ({ min, max, unbiased: true });
const pairArb = fc
  .tuple(dim(8, 2), fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }))
  .chain(([n, alpha, beta]) => fc.record({ u: tensor([n], unbiased(-3, 3)), v: tensor([n], unbiased(-3, 3)), alpha: fc.constant(alpha), beta: fc.constant(beta) }))
  .filter(({ u, v }) => norm(u.data) > 0.2 && norm(v.data) > 0.2);

/** Random words (the first three are the inputs) of length n. */
const wordsArb = fc
  .record({ n: dim(8, 3), count: dim(9, 4) })
  .chain(({ n, count }) => fc.array(tensor([n], unbiased(-2, 2)), { minLength: count, maxLength: count }))
  .map((vs) => Object.fromEntries(vs.map((v, i) => [FILLERS[i]!, v])) as Record<string, NdArray>);

const plantedArb = fc
  .record({ n: dim(8, 3), count: dim(8, 2) })
  .chain(({ n, count }) =>
    fc.record({
      a: tensor([n], unbiased(-2, 2)),
      c: tensor([n], unbiased(-2, 2)),
      delta: tensor([n], unbiased(-2, 2)),
      others: fc.array(tensor([n], unbiased(-2, 2)), { minLength: count, maxLength: count }),
    }),
  )
  .filter(({ delta }) => norm(delta.data) > 0.5);

const neutralizeArb = dim(8, 2)
  .chain((n) => fc.record({ e: tensor([n], unbiased(-3, 3)), other: tensor([n], unbiased(-3, 3)), g: tensor([n], unbiased(-2, 2)), k: fc.double({ min: 0.2, max: 5, noNaN: true }) }))
  .filter(({ e, g }) => norm(g.data) > 0.3 && norm(e.data) > 0.1);

const equalizeArb: fc.Arbitrary<EqualizeInput> = dim(6, 2)
  .chain((n) => fc.record({ w1: tensor([n], unbiased(-2, 2)), w2: tensor([n], unbiased(-2, 2)), axis: tensor([n], unbiased(-1.5, 1.5)), word: tensor([n], unbiased(-2, 2)) }))
  .filter(({ w1, w2, axis }) => norm(axis.data) > 0.3 && norm(sub(w1.data, w2.data)) > 0.2 && Math.abs(dot(sub(w1.data, w2.data), axis.data)) > 0.05 * norm(axis.data));

const PAIR: [string, string] = ['actor', 'actress'];
const equalizeMap = ({ w1, w2, word }: EqualizeInput): ValueRecord => ({ actor: w1, actress: w2, teacher: word });

// ---------------------------------------------------------------- diagnoses

/** The known mistakes that show in neutralize's result along g (a ratio to e's own component), or in its direction. */
function diagnoseNeutralize(e: Vec, g: Vec, out: Vec): string | undefined {
  const eg = dot(e, g);
  const gg = dot(g, g);
  if (Math.abs(eg) < MIN_DIAGNOSABLE_COSINE * norm(e) * norm(g)) return undefined;
  const ratio = dot(out, g) / eg;
  const gn = Math.sqrt(gg);
  if (Math.abs(gn - 1) > 0.05 && near(ratio, 1 - gn)) return HINTS.neuDivNorm;
  if (near(ratio, 2)) return HINTS.neuAdds;
  if (Math.abs(eg / gg) > 0.05 && near(ratio, 1 - eg / gg) && nearVec(orth(out, e), scale(e, 0))) return HINTS.neuWrongVector;
  if (near(ratio, 1) && nearVec(orth(out, g), scale(g, 0))) return HINTS.neuReturnsBias;
  return undefined;
}

/** The known cosine mistakes that give `value` for (u, v): a hint only when exactly one of them, and not the cosine, matches. */
function diagnoseCosine(u: Vec, v: Vec, value: number): string | undefined {
  const d = dot(u, v);
  const [nu, nv] = [norm(u), norm(v)];
  const candidates: [string, number][] = [
    [HINTS.cosNoNorms, d],
    [HINTS.cosOneNorm, d / nu],
    [HINTS.cosOneNorm, d / nv],
    [HINTS.cosNoSqrt, d / (nu * nu * nv * nv)],
  ];
  if (near(value, d / (nu * nv))) return undefined;
  const matching = new Set(candidates.filter(([, x]) => near(value, x) && !near(x, d / (nu * nv), 1e-2)).map(([h]) => h));
  return matching.size === 1 ? [...matching][0] : undefined;
}

type EqualizeInput = { w1: NdArray; w2: NdArray; axis: NdArray; word: NdArray };

/** Checks e1 and e2 are finite (naming the missing |·| when it explains NaN), else names the mistake their symmetry shows, if any. */
function diagnoseEqualize({ w1, w2, axis }: EqualizeInput, e1: Vec, e2: Vec): string | undefined {
  const g = axis.data;
  const mu = scale(add(w1.data, w2.data), 0.5);
  const muOrth = orth(mu, g);
  const muB = sub(mu, muOrth);
  if (![...e1, ...e2].every(Number.isFinite)) {
    violated(`e1 or e2 holds NaN or infinite values (||mu_orth||₂² = ${formatNumber(dot(muOrth, muOrth))}).`, dot(muOrth, muOrth) > 1 ? HINTS.eqNoAbs : undefined);
  }
  if (norm(muB) > 0.05 * (1 + norm(mu)) && nearVec(scale(add(e1, e2), 0.5), mu)) return HINTS.eqMuNotOrth;
  // How far apart e1 and e2 should be: 2·√|1 − ||mu_orth||²|·|d·ĝ| / ||d||, d = (e_w1 − e_w2)/2.
  const d = scale(sub(w1.data, w2.data), 0.5);
  const apart = (2 * Math.sqrt(Math.abs(1 - dot(muOrth, muOrth))) * Math.abs(dot(d, g))) / (norm(g) * norm(d));
  if (apart > 0.05 * (1 + norm(e1)) && nearVec(e1, e2)) return HINTS.eqE2Copy;
  return undefined;
}

export default defineAssignment({
  id: 'course5/week2/word-vectors',
  title: 'Operations on word vectors and debiasing',
  exercises: [
    {
      name: 'cosineSimilarity',
      checks: [
        reference({
          name: 'seeded pairs',
          points: 3,
          cases: async () => {
            const s = new Seeded(1);
            const u7 = s.randn([7], 2);
            const u12 = s.randn([12], 0.6);
            const u4 = s.randn([4], 1.5);
            const u20 = s.randn([20], 1.4);
            return [
              { name: 'two unrelated vectors of length 7', args: [u7, s.randn([7], 0.8)] },
              { name: 'similar vectors of length 12', args: [u12, vec1(add(scale(u12.data, 3), s.randn([12], 0.5).data))] },
              { name: 'nearly opposite vectors of length 4', args: [u4, vec1(add(scale(u4.data, -2.5), s.randn([4], 0.2).data))] },
              { name: 'vectors of length 20, norms far apart', args: [u20, s.randn([20], 0.1)] },
            ];
          },
        }),
        property({
          name: 'a zero vector gives 0',
          points: 1,
          claim: 'cosineSimilarity(u, 0) and cosineSimilarity(0, u) are 0: a zero vector has no direction (the instructions define the similarity as 0 there, not 0 / 0)',
          inputs: fc.record({ n: fc.integer({ min: 2, max: 8 }), seed: fc.integer({ min: 0, max: 9999 }) }),
          numRuns: 2,
          show: ({ n, seed }) => `u of length ${n} drawn from seed ${seed}, and the zero vector`,
          holds: async ({ n, seed }, ctx) => {
            const u = new Seeded(seed).randn([n], 1);
            const zero = vec1(new Array<number>(n).fill(0));
            for (const [x, y, what] of [[u, zero, 'cosineSimilarity(u, 0)'], [zero, u, 'cosineSimilarity(0, u)']] as const) {
              const got = await ctx.call('cosineSimilarity', [x, y]);
              if (got !== 0) violated(`${what} returned ${typeof got === 'number' ? formatNumber(got) : JSON.stringify(got)}, expected 0.`, "With a zero vector ‖u‖·‖v‖ is 0 and dot / (‖u‖·‖v‖) is NaN: return 0 when either norm is 0, as the instructions say.");
            }
          },
        }),
        property({
          name: 'in [−1, 1], 1 with itself',
          points: 2,
          claim: 'cosineSimilarity(u, v) is in [−1, 1] (to float32 precision) and cosineSimilarity(u, u) is 1',
          inputs: pairArb,
          numRuns: 12,
          holds: async ({ u, v }, ctx) => {
            const cuv = await cosineOf(ctx, u, v, 'cosineSimilarity(u, v)');
            if (!(Math.abs(cuv) <= 1 || nearOne(Math.abs(cuv)))) violated(`cosineSimilarity(u, v) is ${formatNumber(cuv)}, outside [−1, 1].`, diagnoseCosine(u.data, v.data, cuv));
            const cuu = await cosineOf(ctx, u, u, 'cosineSimilarity(u, u)');
            if (!nearOne(cuu)) {
              violated(`cosineSimilarity(u, u) is ${formatNumber(cuu)}, not 1 (||u||₂ = ${formatNumber(norm(u.data))}).`, diagnoseCosine(u.data, u.data, cuu));
            }
          },
        }),
        property({
          name: 'scale-invariant',
          points: 2,
          claim: 'For positive numbers α and β, cosineSimilarity(α·u, β·v) = cosineSimilarity(u, v), and cosineSimilarity(−u, v) = −cosineSimilarity(u, v)',
          inputs: pairArb,
          numRuns: 10,
          holds: async ({ u, v, alpha, beta }, ctx) => {
            const c = await cosineOf(ctx, u, v, 'cosineSimilarity(u, v)');
            const scaled = await cosineOf(ctx, vec1(scale(u.data, alpha)), vec1(scale(v.data, beta)), 'cosineSimilarity(α·u, β·v)');
            if (!withinTolerance(c, scaled, COSINE)) {
              violated(`cosineSimilarity(u, v) is ${formatNumber(c)} but with u scaled by ${formatNumber(alpha)} and v by ${formatNumber(beta)} it is ${formatNumber(scaled)}.`, 'A cosine depends on the directions only: dividing the dot product by both norms removes the lengths.');
            }
            const flipped = await cosineOf(ctx, vec1(scale(u.data, -1)), v, 'cosineSimilarity(−u, v)');
            if (!withinTolerance(-c, flipped, COSINE)) {
              const unsigned = withinTolerance(c, flipped, COSINE) && !withinTolerance(0, c, COSINE);
              violated(`cosineSimilarity(−u, v) is ${formatNumber(flipped)}, not −${formatNumber(c)}.`, unsigned ? HINTS.cosAbs : undefined);
            }
          },
        }),
      ],
    },
    {
      name: 'completeAnalogy',
      dependsOn: ['cosineSimilarity'],
      checks: [
        reference({
          name: 'planted analogies',
          points: 4,
          cases: async (ref) => {
            const s = new Seeded(2);
            const cases = [
              { n: 10, fillers: 12, words: ['man', 'woman', 'king', 'queen'], decoys: ['warlord', 'female'] as [string, string] },
              { n: 16, fillers: 20, words: ['paris', 'france', 'rome', 'italy'], decoys: ['village', 'nation'] as [string, string] },
              { n: 8, fillers: 8, words: ['big', 'bigger', 'large', 'larger'], decoys: ['tiny', 'more'] as [string, string], synonym: true },
              { n: 24, fillers: 25, words: ['walk', 'walked', 'swim', 'swam'], decoys: ['swimming', 'yesterday'] as [string, string] },
            ].map(({ n, fillers, words, decoys, synonym }) => {
              const map = plantedAnalogy(s, n, fillers, words, decoys, synonym) as Record<string, NdArray>;
              return {
                name: `${words[0]} : ${words[1]} :: ${words[2]} : ? among ${fillers + 6} words of length ${n}${synonym ? ` (${words[2]} close to ${words[0]})` : ''}`,
                args: [words[0]!, words[1]!, words[2]!, map] as Value[],
                answer: answerRenamed(s, map, words[3]!, [...words.slice(0, 3), ...decoys]),
                decoys,
              };
            });
            // The answers are known by construction: make sure the planted structure holds.
            for (const c of cases) {
              const got = await callOrThrow(ref, 'completeAnalogy', c.args);
              if (got !== c.answer) throw new Error(`planted analogy "${c.name}": the reference answers ${String(got)}, not ${c.answer}`);
              const picks = wrongCosinePicks(c.args[3] as Record<string, NdArray>, c.args[0] as string, c.args[1] as string, c.args[2] as string);
              if (c.decoys.some((d) => picks.has(d))) throw new Error(`planted analogy "${c.name}": a wrong cosine would pick a decoy, whose hint would then mislead`);
            }
            // A word whose offset from c is along e_b itself, not along e_b − e_a: only the relation e_b − e_a tells it from the answer.
            const t = new Seeded(12);
            const aligned = ['cold', 'colder', 'warm', 'warmer'];
            const alignedMap = plantedAnalogy(t, 12, 10, aligned, ['chilly', 'more'], false) as Record<string, NdArray>;
            const eC = alignedMap['warm']!.data;
            const eB = alignedMap['colder']!.data;
            alignedMap['scorching'] = vec1(add(add(eC, scale(eB, 0.9)), t.randn([12], 0.12).data));
            const alignedCase = { name: `cold : colder :: warm : ? among 17 words of length 12 (one word's offset from warm along e_colder itself)`, args: ['cold', 'colder', 'warm', alignedMap] as Value[] };
            const alignedAnswer = answerRenamed(t, alignedMap, 'warmer', ['cold', 'colder', 'warm', 'chilly', 'more', 'scorching']);
            const got = await callOrThrow(ref, 'completeAnalogy', alignedCase.args);
            if (got !== alignedAnswer) throw new Error(`planted analogy "${alignedCase.name}": the reference answers ${String(got)}, not ${alignedAnswer}`);
            const picks = wrongCosinePicks(alignedMap, 'cold', 'colder', 'warm');
            if (['chilly', 'more'].some((d) => picks.has(d))) throw new Error(`planted analogy "${alignedCase.name}": a wrong cosine would pick a decoy, whose hint would then mislead`);
            // Every candidate's offset from c points against the relation (all cosines below 0): a best similarity
            // started at 0 instead of below −1 then keeps no word, whatever the run's seed.
            const u = new Seeded(13);
            const [eA2, delta2, eC2] = [u.randn([6]).data, u.randn([6], 1.2).data, u.randn([6]).data];
            const against = ['north', 'south', 'east', 'west', 'up'];
            const againstMap = shuffledMap(u, [
              ['small', eA2],
              ['smaller', add(eA2, delta2)],
              ['big', eC2],
              ...against.map((w, i): [string, Vec] => [w, add(sub(eC2, scale(delta2, 0.4 + 0.3 * i)), u.randn([6], 0.15).data)]),
            ]) as Record<string, NdArray>;
            if (against.some((w) => dot(sub(againstMap[w]!.data, eC2), delta2) >= 0)) throw new Error('the case where every candidate points against the relation has a candidate that does not');
            if (Seeded.hiddenVariant) {
              // Which of the candidates answers depends on the draws, but the public one is known: the names go round.
              const vectors = against.map((w) => againstMap[w]!);
              const shift = 1 + Math.min(against.length - 2, Math.floor(u.uniform([1]).data[0]! * (against.length - 1)));
              against.forEach((w, i) => (againstMap[w] = vectors[(i + shift) % against.length]!));
            }
            const againstCase = { name: 'small : smaller :: big : ? among 8 words of length 6, every candidate offset pointing against the relation (all cosines below 0)', args: ['small', 'smaller', 'big', againstMap] as Value[] };
            if (typeof (await callOrThrow(ref, 'completeAnalogy', againstCase.args)) !== 'string') throw new Error('the reference chooses no word in the case where every cosine is below 0');
            return [...cases.map(({ name, args }) => ({ name, args })), alignedCase, againstCase];
          },
        }),
        property({
          name: 'never an input word',
          points: 2,
          claim:
            'For any words, completeAnalogy(a, b, c, wordToVecMap) returns a word of the map other than a, b and c — also when e_a lies halfway between e_b and e_c, which makes a and b themselves perfect answers (cosine 1)',
          inputs: wordsArb,
          numRuns: 10,
          holds: async (map, ctx) => {
            const [a, b, c] = FILLERS as [string, string, string];
            const out = await analogyOf(ctx, a, b, c, map);
            if (out === a || out === b || out === c) violated(`completeAnalogy("${a}", "${b}", "${c}", …) returned "${out}", an input word.`, HINTS.analogyInput);
            // e_a − e_c and e_b − e_c then both point along e_b − e_a: only skipping every input word keeps them out.
            const halfway = { ...map, [a]: vec1(scale(add((map[b] as NdArray).data, (map[c] as NdArray).data), 0.5)) };
            const out2 = await analogyOf(ctx, a, b, c, halfway);
            if (out2 === a || out2 === b || out2 === c)
              violated(`with e_${a} halfway between e_${b} and e_${c}, completeAnalogy("${a}", "${b}", "${c}", …) returned "${out2}", an input word.`, HINTS.analogyInput);
          },
        }),
        property({
          name: 'a planted answer is found',
          points: 2,
          claim: 'Among random words, when e_d = e_c + (e_b − e_a) exactly, completeAnalogy(a, b, c) returns d',
          inputs: plantedArb,
          numRuns: 8,
          holds: async ({ a, c, delta, others }, ctx) => {
            const words: [string, Vec][] = [
              ['man', a.data],
              ['woman', add(a.data, delta.data)],
              ['king', c.data],
              ['queen', add(c.data, delta.data)],
              ['warlord', sub(c.data, delta.data)],
              ['female', scale(delta.data, 0.4)],
              ...others.map((v, i): [string, Vec] => [FILLERS[i]!, v.data]),
            ];
            const map = Object.fromEntries(words.map(([w, v]) => [w, vec1(v)]));
            const out = await analogyOf(ctx, 'man', 'woman', 'king', map);
            if (out === 'queen') return;
            // A decoy that a wrong cosine would also pick says nothing certain about the analogy code.
            const decoyHint = wrongCosinePicks(map, 'man', 'woman', 'king').has(out) ? undefined : out === 'warlord' ? HINTS.analogyFlipped : out === 'female' ? HINTS.analogyNoC : undefined;
            const hint = ['man', 'woman', 'king'].includes(out) ? HINTS.analogyInput : decoyHint;
            violated(`with e_queen = e_king + (e_woman − e_man), completeAnalogy("man", "woman", "king", …) returned "${out}", not "queen" (e_warlord = e_king − (e_woman − e_man) and e_female = 0.4·(e_woman − e_man) are in the map too).`, hint);
          },
        }),
        property({
          name: 'the offsets are compared',
          points: 1,
          claim:
            'The answer maximises cos(e_b − e_a, e_w − e_c): with e_queen ≈ e_king + (e_woman − e_man) and e_empress = 0.3·(e_king + e_woman − e_man) in the map, it is queen — empress is what cos(e_c + e_b − e_a, e_w) (3CosAdd) would pick',
          inputs: plantedArb,
          numRuns: 6,
          holds: async ({ a, c, delta, others }, ctx) => {
            const target = add(c.data, delta.data);
            const words: [string, Vec][] = [
              ['man', a.data],
              ['woman', add(a.data, delta.data)],
              ['king', c.data],
              ['queen', add(target, scale(others[0]!.data, 0.05))],
              ['empress', scale(target, 0.3)],
              ...others.slice(1).map((v, i): [string, Vec] => [FILLERS[i]!, v.data]),
            ];
            const map = Object.fromEntries(words.map(([w, v]) => [w, vec1(v)]));
            // The course's criterion, here: only inputs where it picks queen clearly (no float32 near-tie) say something.
            const rel = delta.data;
            const cos = (w: Vec) => dot(rel, sub(w, c.data)) / (norm(rel) * norm(sub(w, c.data)) || 1);
            const ranked = words.filter(([w]) => !['man', 'woman', 'king'].includes(w)).map(([w, v]) => [w, cos(v)] as const).sort((x, y) => y[1] - x[1]);
            if (ranked[0]![0] !== 'queen' || withinTolerance(ranked[0]![1], ranked[1]![1], tolerance('float32'))) return;
            const out = await analogyOf(ctx, 'man', 'woman', 'king', map);
            if (out === 'queen') return;
            const hint = out === 'empress' && !wrongCosinePicks(map, 'man', 'woman', 'king').has(out) ? HINTS.analogy3CosAdd : undefined;
            violated(`completeAnalogy("man", "woman", "king", …) returned "${out}", not "queen" (e_queen − e_king is e_woman − e_man up to a little noise; e_empress = 0.3·(e_king + e_woman − e_man)).`, hint);
          },
        }),
        property({
          name: 'the angle, not the distance',
          points: 1,
          claim:
            'The answer maximises the cosine, not the closeness: with e_queen = e_king + 3·(e_woman − e_man) (cosine 1) and e_consort = e_king + (e_woman − e_man) + a step of 1.5 times its length at right angles (cosine 0.55, but nearer to e_king + e_woman − e_man) in the map, it is queen',
          inputs: plantedArb,
          numRuns: 6,
          holds: async ({ a, c, delta, others }, ctx) => {
            const rel = delta.data;
            // A direction at right angles to the relation, 1.5 times its length (skip an input whose filler lies along it). Queen is
            // farther from e_king + e_woman − e_man than consort (2 against 1.5 lengths of the relation), and yet the dot product alone
            // and the dot product over the squared norms still pick queen (3 > 1, 1/3 > 1/3.25): only a distance picks consort.
            const along = dot(others[0]!.data, rel) / dot(rel, rel);
            const perp = sub(others[0]!.data, scale(rel, along));
            if (norm(perp) < 0.1 * norm(rel)) return;
            const side = scale(perp, (1.5 * norm(rel)) / norm(perp));
            const words: [string, Vec][] = [
              ['man', a.data],
              ['woman', add(a.data, rel)],
              ['king', c.data],
              ['queen', add(c.data, scale(rel, 3))],
              ['consort', add(add(c.data, rel), side)],
              ...others.slice(1).map((v, i): [string, Vec] => [FILLERS[i]!, v.data]),
            ];
            const map = Object.fromEntries(words.map(([w, v]) => [w, vec1(v)]));
            // The course's criterion picks queen (cosine 1); only inputs where no other word comes near it in float32 say something.
            const cos = (w: Vec) => dot(rel, sub(w, c.data)) / (norm(rel) * norm(sub(w, c.data)) || 1);
            const ranked = words.filter(([w]) => !['man', 'woman', 'king'].includes(w)).map(([w, v]) => [w, cos(v)] as const).sort((x, y) => y[1] - x[1]);
            if (ranked[0]![0] !== 'queen' || withinTolerance(ranked[0]![1], ranked[1]![1], tolerance('float32'))) return;
            const out = await analogyOf(ctx, 'man', 'woman', 'king', map);
            if (out === 'queen') return;
            // The word nearest to e_king + (e_woman − e_man) (consort, or a filler nearer still), unless a wrong cosine picks it too.
            const nearest = ranked.map(([w]) => [w, norm(sub(sub(map[w]!.data, c.data), rel))] as const).sort((x, y) => x[1] - y[1])[0]![0];
            const hint = out === nearest && !wrongCosinePicks(map, 'man', 'woman', 'king').has(out) ? HINTS.analogyDistance : undefined;
            violated(
              `completeAnalogy("man", "woman", "king", …) returned "${out}", not "queen" (e_queen − e_king = 3·(e_woman − e_man), cosine 1; e_consort − e_king = (e_woman − e_man) plus a step at right angles 1.5 times its length, cosine 0.55).`,
              hint,
            );
          },
        }),
      ],
    },
    {
      name: 'neutralize',
      checks: [
        reference({
          name: 'seeded cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(3);
            const m5 = fillerMap(s, 5, 4);
            const g5 = s.randn([5], 1.7);
            const m9 = fillerMap(s, 9, 6, 1.3);
            const g9 = vec1(sub((m9.stone as NdArray).data, (m9.river as NdArray).data)); // like the course's g = e_woman − e_man
            const m16 = fillerMap(s, 16, 5, 0.8);
            const g16 = s.randn([16], 0.15);
            const m3 = fillerMap(s, 3, 3, 2);
            const g3 = s.randn([3], 0.9);
            return [
              { name: 'length 5, g of norm ≈ 4', args: [FILLERS[1]!, g5, m5] },
              { name: 'length 9, g = e_stone − e_river', args: [FILLERS[4]!, g9, m9] },
              { name: 'length 16, g of norm < 1', args: [FILLERS[2]!, g16, m16] },
              { name: 'length 3', args: [FILLERS[0]!, g3, m3] },
            ] as { name: string; args: Value[] }[];
          },
        }),
        property({
          name: 'nothing left along the axis',
          points: 2,
          claim: 'neutralize(word, g, map)·g = 0 (to float32 precision): the result has no component along g',
          inputs: neutralizeArb,
          numRuns: 10,
          holds: async ({ e, other, g }, ctx) => {
            const out = await neutralizeOf(ctx, 'nurse', g, { doctor: other, nurse: e });
            const along = dot(out, g.data) / norm(g.data);
            if (!closeAt(0, along, norm(e.data))) {
              violated(`the result's component along g is ${formatNumber(along)}, not 0 (the word's own was ${formatNumber(dot(e.data, g.data) / norm(g.data))}, ||g||₂ = ${formatNumber(norm(g.data))}).`, diagnoseNeutralize(e.data, g.data, out));
            }
          },
        }),
        property({
          name: 'the orthogonal part unchanged',
          points: 2,
          claim: 'neutralize only removes a multiple of g: the part of the result orthogonal to g is the word\'s own',
          inputs: neutralizeArb,
          numRuns: 10,
          holds: async ({ e, other, g }, ctx) => {
            const out = await neutralizeOf(ctx, 'nurse', g, { doctor: other, nurse: e });
            const change = orth(sub(out, e.data), g.data);
            if (!closeAt(0, norm(change), norm(e.data))) {
              violated(`the part orthogonal to g changed by a vector of norm ${formatNumber(norm(change))} (the word's vector has norm ${formatNumber(norm(e.data))}).`, diagnoseNeutralize(e.data, g.data, out) ?? 'Subtract from e its projection on g, (e·g / ||g||₂²)·g: a multiple of g, nothing else.');
            }
          },
        }),
        property({
          name: 'the axis\'s length does not matter',
          points: 1,
          claim: 'neutralize(word, k·g, map) = neutralize(word, g, map) for any k > 0: only the axis\'s direction matters',
          inputs: neutralizeArb,
          numRuns: 8,
          holds: async ({ e, other, g, k }, ctx) => {
            const map = { doctor: other, nurse: e };
            const once = await neutralizeOf(ctx, 'nurse', g, map);
            const scaled = await neutralizeOf(ctx, 'nurse', vec1(scale(g.data, k)), map);
            if (!nearVec(scaled, once, 1e-4)) {
              violated(`with g scaled by ${formatNumber(k)} the result moves by ${formatNumber(norm(sub(scaled, once)))}.`, Math.abs(norm(g.data) - 1) > 0.05 ? diagnoseNeutralize(e.data, g.data, once) : undefined);
            }
          },
        }),
      ],
    },
    {
      name: 'equalize',
      checks: [
        reference({
          name: 'seeded cases',
          points: 4,
          cases: async () => {
            const s = new Seeded(4);
            const mapOf = (n: number, k: number) => shuffledMap(s, [['actor', s.randn([n], k).data], ['actress', s.randn([n], k).data], ['doctor', s.randn([n], k).data]]);
            const m6 = mapOf(6, 0.3);
            const m10 = mapOf(10, 1.5);
            const m15 = mapOf(15, 1);
            const m4 = mapOf(4, 0.5);
            return [
              { name: 'length 6, ||mu_orth||₂ < 1', args: [PAIR, s.randn([6], 1), m6] },
              { name: 'length 10, ||mu_orth||₂ > 1, axis = e_actress − e_actor', args: [PAIR, vec1(sub((m10.actress as NdArray).data, (m10.actor as NdArray).data)), m10] },
              { name: 'length 15, ||mu_orth||₂ > 1', args: [PAIR, s.randn([15], 0.6), m15] },
              { name: 'length 4, a short axis', args: [PAIR, s.randn([4], 0.25), m4] },
            ] as { name: string; args: Value[] }[];
          },
        }),
        property({
          name: 'symmetric about the axis',
          points: 2,
          claim: 'e1 and e2 are mirror images about the bias axis: e1 + e2 has no component along it, and e1 − e2 is along it',
          inputs: equalizeArb,
          numRuns: 10,
          holds: async (input, ctx) => {
            const g = input.axis.data;
            const [e1, e2] = await equalizeOf(ctx, PAIR, input.axis, equalizeMap(input));
            const hint = diagnoseEqualize(input, e1, e2);
            const tol = 1e-4 * (1 + norm(e1) + norm(e2));
            const along = dot(add(e1, e2), g) / norm(g);
            if (!(Math.abs(along) <= tol)) violated(`(e1 + e2) has a component ${formatNumber(along)} along the axis, not 0.`, hint);
            const across = norm(orth(sub(e1, e2), g));
            if (!(across <= tol)) violated(`e1 − e2 has a part of norm ${formatNumber(across)} orthogonal to the axis: e1 and e2 should share the same orthogonal part, mu_orth.`, hint);
          },
        }),
        property({
          name: 'equidistant from a neutralized word',
          points: 2,
          claim: 'For any vector w with no component along the axis (a neutralized word), ||e1 − w||₂ = ||e2 − w||₂',
          inputs: equalizeArb,
          numRuns: 10,
          holds: async (input, ctx) => {
            const g = input.axis.data;
            const [e1, e2] = await equalizeOf(ctx, PAIR, input.axis, equalizeMap(input));
            const hint = diagnoseEqualize(input, e1, e2);
            const w = orth(input.word.data, g);
            const d1 = norm(sub(e1, w));
            const d2 = norm(sub(e2, w));
            if (!closeAt(d1, d2, 1 + d1 + d2)) violated(`||e1 − w||₂ = ${formatNumber(d1)} but ||e2 − w||₂ = ${formatNumber(d2)} for a w orthogonal to the axis.`, hint);
          },
        }),
      ],
    },
  ],
});
