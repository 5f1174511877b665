/**
 * Grader: course 5, week 3 — beam search and BLEU.
 *
 * beamSearch: the scorer is data (a tiny decoder RNN's parameters, run by
 * lib/beam-search-decoder.ts's nextLogProbs), since a function cannot cross into
 * the sandbox. Seeded decoders as reference cases; properties: every result is
 * a valid sentence with its own Σ log P and normalized score, sorted; width 1 is
 * greedy decoding; a beam wide enough never to prune finds the best sentence
 * (found here by enumeration), so it is never worse than greedy; exact ties
 * follow the documented rule (twin tokens); hidden, against beam.oracle.ts: an
 * ended sentence keeps its place, and the results are the course's on decoders
 * where a usual mistake (results cut by raw Σ log P, pruned EOS candidates
 * finished, beamWidth + 1 kept) would change them — naming the one it matches.
 *
 * Note: "never worse than greedy" does NOT hold for beam search in general (a
 * narrow beam can prune the greedy path and end lower, e.g. Seeded(3760), V = 4,
 * nA = 3, scale 1, B = 2, maxLen 7): it is checked where it is a theorem.
 *
 * BLEU: published numbers as reference cases — Papineni et al. (2002) modified
 * precisions (17/18, 8/14, 10/17, 1/13, the "the the the…" 2/7) and NLTK's
 * nltk.translate.bleu_score tests (sentence_bleu 0.5045666840058485 on the
 * paper's candidate 1; brevity_penalty 0.2635971381157267 and 0.9200444146293233)
 * — each with seeded cases of the same kinds beside them (so those checks have hidden cases: the published cases
 * ship in the learner edition), plus seeded sentences; properties: identical sentences score 1, no shared
 * word scores 0, clipping caps repeated words, BP ≤ 1 and depends only on the
 * closest reference, BP of an empty candidate is 0 (against an empty reference
 * too), bleu = BP·(Π p_n)^(1/N) from the learner's own pieces.
 * No exercise here has a gradient, so there is no gradient check.
 */
import * as fc from 'fast-check';
import { dim, dims } from '../../engine/arbitraries';
import { expectArray, expectNumber, expectRecord, violated } from '../../engine/checks/violation';
import { defineAssignment, property, reference, type CheckContext } from '../../engine/define';
import { formatNumber, type NdArray } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import type { Value } from '../../engine/values';
import { EOS, nextLogProbs, type Decoder } from '../../../lib/beam-search-decoder';

// ---------------------------------------------------------------- beam search helpers

type DecoderData = { Wax: NdArray; Waa: NdArray; Wya: NdArray; ba: NdArray; by: NdArray };

/** A random decoder; eosBias is added to EOS's output bias (negative: sentences run to maxLen). */
function decoder(s: Seeded, nA: number, V: number, scale: number, eosBias = 0): DecoderData {
  const d = { Wax: s.randn([nA, V], scale), Waa: s.randn([nA, nA], scale), Wya: s.randn([V, nA], scale), ba: s.randn([nA, 1], scale), by: s.randn([V, 1], scale) };
  d.by.data[EOS] = d.by.data[EOS]! + eosBias;
  return d;
}

/** Makes token `k` an exact twin of token `j`: same input column, output row and bias. */
function twin(d: DecoderData, j: number, k: number): DecoderData {
  const [nA, V] = [d.Waa.shape[0]!, d.by.shape[0]!];
  const c = (a: NdArray) => ({ ...a, data: [...a.data], shape: [...a.shape] });
  const out = { Wax: c(d.Wax), Waa: c(d.Waa), Wya: c(d.Wya), ba: c(d.ba), by: c(d.by) };
  for (let i = 0; i < nA; i++) out.Wax.data[i * V + k] = out.Wax.data[i * V + j]!;
  for (let i = 0; i < nA; i++) out.Wya.data[k * nA + i] = out.Wya.data[j * nA + i]!;
  out.by.data[k] = out.by.data[j]!;
  return out;
}

const asDecoder = (d: DecoderData): Decoder => d;
const sumLogProb = (d: DecoderData, tokens: number[]) => tokens.reduce((s, v, t) => s + nextLogProbs(asDecoder(d), tokens.slice(0, t))[v]!, 0);

/** Greedy decoding: the most likely token at each step (the smallest on a tie), until EOS or maxLen. */
function greedy(d: DecoderData, maxLen: number): number[] {
  const tokens: number[] = [];
  while (tokens.length < maxLen && tokens[tokens.length - 1] !== EOS) {
    const lp = nextLogProbs(asDecoder(d), tokens);
    tokens.push(lp.indexOf(Math.max(...lp)));
  }
  return tokens;
}

/** The best normalized score over every sentence (ended by EOS, or of length maxLen), by enumeration. */
function bestByEnumeration(d: DecoderData, maxLen: number, alpha: number): { tokens: number[]; score: number } {
  let best = { tokens: [] as number[], score: -Infinity };
  const visit = (prefix: number[], logProb: number) => {
    const lp = nextLogProbs(asDecoder(d), prefix);
    lp.forEach((l, v) => {
      const tokens = [...prefix, v];
      const total = logProb + l;
      if (v === EOS || tokens.length === maxLen) {
        const score = total / tokens.length ** alpha;
        if (score > best.score) best = { tokens, score };
      } else visit(tokens, total);
    });
  };
  visit([], 0);
  return best;
}

/**
 * What beamWidth 1 returns when every candidate ending with EOS counts as finished, kept or pruned: the best, by
 * normalized score, of the greedy sentence and each of its prefixes followed by EOS.
 */
function greedyWithPrunedEnds(d: DecoderData, g: number[], alpha: number): number[] {
  const ends = g.flatMap((v, t) => (v === EOS ? [] : [[...g.slice(0, t), EOS]]));
  const score = (tokens: number[]) => sumLogProb(d, tokens) / tokens.length ** alpha;
  return [g, ...ends].reduce((best, tokens) => (score(tokens) > score(best) ? tokens : best));
}

const beamKey = () => import('./beam.oracle');
const BEAM_HINTS = {
  refill:
    'A hypothesis that ends with EOS still takes one of the beamWidth places of its step: keep the beamWidth best candidates of all, then move those ending with EOS out of the beam, without refilling it with other unfinished ones.',
  cutByLogProb:
    'The best beamWidth results are chosen by the raw Σ log P and only then sorted by score: rank all the results (the finished sentences and those left in the beam) by the length-normalized score (1/Ty^α)·Σ log P, then keep the best beamWidth.',
  widthPlusOne: 'Each step keeps beamWidth + 1 candidates: keep exactly the beamWidth best candidates of the step (those ending with EOS included).',
  prunedEnds:
    "Every candidate ending with EOS is counted as finished, also those pruned from the step's beamWidth best: only the kept candidates that end with EOS are finished sentences.",
};

type Hyp = { tokens: number[]; logProb: number; score: number };
const show = (t: number[]) => `[${t.join(', ')}]`;
/** a before b in lexicographic order (token by token; a prefix first). */
function lexicographicallySmaller(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length < b.length;
}
const near = (a: number, b: number, tol = 1e-4) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

async function beamOf(ctx: CheckContext, d: DecoderData, B: number, maxLen: number, alpha: number): Promise<Hyp[]> {
  const out = expectArray(await ctx.call('beamSearch', [d, B, maxLen, alpha]), `beamSearch(decoder, ${B}, ${maxLen}, ${alpha})`);
  return out.map((h, i) => {
    const r = expectRecord(h, `result ${i}`, ['tokens', 'logProb', 'score']);
    const tokens = expectArray(r.tokens!, `result ${i}'s tokens`).map((v) => {
      if (typeof v !== 'number' || !Number.isInteger(v)) violated(`result ${i}'s tokens hold ${JSON.stringify(v)}, not an integer token.`);
      return v;
    });
    return { tokens, logProb: expectNumber(r.logProb!, `result ${i}'s logProb`), score: expectNumber(r.score!, `result ${i}'s score`) };
  });
}

/** Every result a valid sentence whose logProb and score are its own; sorted, distinct, at most B. */
/** Whether the results hold together on their own (checkResults: their Σ log P and scores, sorted), whatever they are. */
function soundResults(d: DecoderData, hyps: Hyp[], at: { B: number; maxLen: number; alpha: number }): boolean {
  try {
    checkResults(d, hyps, at.B, at.maxLen, at.alpha);
    return true;
  } catch {
    return false;
  }
}

function checkResults(d: DecoderData, hyps: Hyp[], B: number, maxLen: number, alpha: number): void {
  const V = d.by.shape[0]!;
  if (hyps.length === 0) violated('beamSearch returned no sentence.', 'Return the finished hypotheses and those still in the beam after maxLen steps.');
  if (hyps.length > B) violated(`beamSearch returned ${hyps.length} sentences for a beam width of ${B}.`, 'Return at most beamWidth sentences: the best ones by normalized score.');
  const seen = new Set<string>();
  hyps.forEach((h, i) => {
    const { tokens } = h;
    if (tokens.length === 0 || tokens.length > maxLen) violated(`result ${i} has ${tokens.length} tokens; a sentence has 1 to maxLen = ${maxLen}.`, 'Run at most maxLen steps, adding one token per step.');
    const bad = tokens.find((v) => v < 0 || v >= V);
    if (bad !== undefined) violated(`result ${i} holds token ${bad}, outside [0, ${V}).`);
    const eos = tokens.indexOf(EOS);
    if (eos >= 0 && eos < tokens.length - 1) violated(`result ${i} is ${show(tokens)}: it goes on after EOS (token 0).`, 'A candidate that ends with EOS is finished: take it out of the beam, never extend it.');
    if (eos < 0 && tokens.length < maxLen) violated(`result ${i} is ${show(tokens)}: it neither ends with EOS nor has maxLen = ${maxLen} tokens.`, 'Only finished sentences (ending with EOS) and those still in the beam after maxLen steps are results.');
    if (seen.has(show(tokens))) violated(`${show(tokens)} is returned twice.`);
    seen.add(show(tokens));
    const lp = sumLogProb(d, tokens);
    if (!near(h.logProb, lp)) {
      const p = Math.exp(lp);
      violated(
        `result ${i} ${show(tokens)} has logProb ${formatNumber(h.logProb)}, but Σ_t log P(token_t | earlier tokens) = ${formatNumber(lp)}.`,
        near(h.logProb, p) ? 'logProb holds a probability: add the log-probabilities nextLogProbs gives, do not exponentiate them.' : 'logProb is the sum of the log-probabilities of the sentence\'s tokens, each given the tokens before it.',
      );
    }
    const want = h.logProb / tokens.length ** alpha;
    if (!near(h.score, want)) {
      violated(
        `result ${i} ${show(tokens)} (Ty = ${tokens.length}, logProb ${formatNumber(h.logProb)}, α = ${alpha}) has score ${formatNumber(h.score)}; (1/Ty^α)·logProb = ${formatNumber(want)}.`,
        alpha !== 0 && near(h.score, h.logProb) ? 'The score is not length-normalized: divide Σ log P by Ty^α.' : 'score = logProb / Ty^α, Ty counting every token of the sentence, EOS included.',
      );
    }
  });
  for (let i = 1; i < hyps.length; i++) {
    if (hyps[i]!.score > hyps[i - 1]!.score + 1e-9) {
      violated(`result ${i} has score ${formatNumber(hyps[i]!.score)}, above result ${i - 1}'s ${formatNumber(hyps[i - 1]!.score)}.`, 'Sort the results by normalized score, highest (best) first.');
    }
  }
}

type BeamInput = { seed: number; V: number; nA: number; B: number; maxLen: number; alpha: number; eosBias: number };
// V, nA, beamWidth and maxLen mostly differ: Wax is [nA, V], and the B·V candidates of a step,
// flattened, are told apart by index ÷ V — a size taken for another then shows.
const beamArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 100_000 }),
    sizes: dims({ V: [3, 6], nA: [2, 4], B: [1, 4], maxLen: [2, 6] }),
    alpha: fc.constantFrom(0, 0.5, 0.7, 1),
    eosBias: fc.constantFrom(-3, 0, 1),
  })
  .map(({ sizes, ...rest }): BeamInput => ({ ...sizes, ...rest }));
const showBeam = ({ seed, V, nA, B, maxLen, alpha, eosBias }: BeamInput) =>
  `a decoder with V = ${V}, nA = ${nA} (random weights from seed ${seed}, EOS bias ${eosBias}); beamWidth ${B}, maxLen ${maxLen}, α = ${alpha}`;
const decoderOf = ({ seed, V, nA, eosBias }: BeamInput) => decoder(new Seeded(seed), nA, V, 1.5, eosBias);

// ---------------------------------------------------------------- BLEU helpers

/** Papineni et al. (2002), section 2.1, example 1 and 2 — also NLTK's bleu_score doctests. */
const words = (s: string) => s.split(' ');
const PAPER = {
  candidate1: words('It is a guide to action which ensures that the military always obeys the commands of the party'),
  candidate2: words('It is to insure the troops forever hearing the activity guidebook that party direct'),
  references: [
    words('It is a guide to action that ensures that the military will forever heed Party commands'),
    words('It is the guiding principle which guarantees the military forces always being under the command of the Party'),
    words('It is the practical guide for the army always to heed the directions of the party'),
  ],
  the: words('the the the the the the the'),
  catReferences: [words('the cat is on the mat'), words('there is a cat on the mat')],
};
const a = (n: number) => new Array<string>(n).fill('a');

const BP_HINTS = {
  noEmptyGuard: 'An empty candidate against an empty reference makes r/c = 0/0, so BP is NaN: return 0 for an empty candidate (c = 0) before computing exp(1 − r/c).',
  notStrict: 'BP is 1 only when c > r (strictly): c ≥ r gives an empty candidate BP 1 against an empty reference, but an empty candidate always gets 0.',
};

const BLEU_HINTS = {
  cappedN:
    "N is capped at the candidate's length: a candidate shorter than maxN has no n-gram for the larger n, so those p_n are 0 and BLEU is 0 (N stays maxN).",
  missesN: 'The loop stops before n = maxN: BLEU averages log p_1 … log p_N, all N = maxN of them (for (let n = 1; n <= maxN; n++)).',
  clipByFewest:
    'Each n-gram\'s count is clipped by its count in the reference that holds it the fewest times: clip by the largest count in any one reference (max over the references).',
  distinctDenominator:
    "The denominator counts each distinct n-gram once: divide the clipped counts by the number of the candidate's n-grams, repeats included (a word twice counts twice).",
};

const VOCAB = ['the', 'cat', 'sat', 'on', 'mat', 'a', 'dog', 'ran'];
/** A sentence of `len` words from the first `v` words of VOCAB. */
function sentence(s: Seeded, len: number, v = VOCAB.length): string[] {
  return s.uniform([len], 0, v).data.map((x) => VOCAB[Math.floor(x)]!);
}
/** A copy of `ref` with `k` words replaced at random, `drop` words removed from the end. */
function perturbed(s: Seeded, ref: string[], k: number, drop = 0): string[] {
  const out = ref.slice(0, ref.length - drop);
  const at = s.uniform([k], 0, out.length).data.map(Math.floor);
  const by = sentence(s, k);
  at.forEach((i, j) => (out[i] = by[j]!));
  return out;
}

/** An integer in [low, high], drawn from s. */
const intIn = (s: Seeded, low: number, high: number) => low + Math.min(high - low, Math.floor(s.uniform([1], 0, high - low + 1).data[0]!));
const pickFrom = <T>(s: Seeded, list: readonly T[]): T => list[intIn(s, 0, list.length - 1)]!;
/** The items in an order drawn from s. */
function shuffled<T>(s: Seeded, items: T[]): T[] {
  const keys = s.uniform([items.length]).data;
  return items.map((x, i) => [x, keys[i]!] as const).sort((p, q) => p[1] - q[1]).map(([x]) => x);
}
/** A sentence of `len` words drawn from `words`. */
const sentenceFrom = (s: Seeded, len: number, words: string[]) => Array.from({ length: len }, () => pickFrom(s, words));

/*
 * Seeded cases of the kinds the published examples are (below, in the same checks): the published cases and their
 * answers ship in the learner edition, so a check made of them alone has no hidden case and a table of them earns its
 * points; these draw their words and lengths from Seeded, so the check has hidden cases too.
 */
function seededPrecisionCases(): { name: string; args: Value[] }[] {
  const s = new Seeded(5);
  // Clipping, like "the the the …": one word k times, against references holding it fewer times each.
  const w = pickFrom(s, VOCAB);
  const others = VOCAB.filter((x) => x !== w);
  const k = intIn(s, 5, 8);
  const counts = [intIn(s, 1, 2), intIn(s, 3, 4)];
  const clipRefs = counts.map((r) => shuffled(s, [...new Array<string>(r).fill(w), ...sentenceFrom(s, intIn(s, 3, 6), others)]));
  // Words are units, like "a bc de" against "ab c de": a bigram whose letters run as the reference's but split elsewhere.
  const u = pickFrom(s, VOCAB);
  const v = pickFrom(s, VOCAB.filter((x) => x.length >= 2));
  const cut = intIn(s, 1, v.length - 1);
  const tail = sentenceFrom(s, 2, VOCAB);
  // Words compared as written, like "The party commands": a piece of the reference with one word capitalised.
  const ref = sentenceFrom(s, intIn(s, 6, 9), VOCAB);
  const len = intIn(s, 3, 4);
  const start = intIn(s, 0, ref.length - len);
  const at = intIn(s, 0, len - 1);
  const piece = ref.slice(start, start + len).map((x, i) => (i === at ? x[0]!.toUpperCase() + x.slice(1) : x));
  // Shorter than n, like "the cat" with n = 3.
  const shortRefs = [sentenceFrom(s, intIn(s, 5, 8), VOCAB), sentenceFrom(s, intIn(s, 5, 8), VOCAB)];
  const short = sentenceFrom(s, intIn(s, 1, 2), VOCAB);
  const n = intIn(s, 3, 4);
  return [
    { name: `"${w}" ×${k} against references holding it ×${counts.join(' and ×')}, n = 1 (clipped)`, args: [clipRefs, new Array<string>(k).fill(w), 1] },
    { name: `reference "${[u, v, ...tail].join(' ')}", candidate "${[u + v.slice(0, cut), v.slice(cut), ...tail].join(' ')}", n = 2 (words are units)`, args: [[[u, v, ...tail]], [u + v.slice(0, cut), v.slice(cut), ...tail], 2] },
    { name: `reference "${ref.join(' ')}", candidate "${piece.join(' ')}", n = 1 (words compared as written)`, args: [[ref], piece, 1] },
    { name: `a candidate of ${short.length} word(s), n = ${n}: no ${n}-gram`, args: [shortRefs, short, n] },
  ];
}

function seededBrevityCases(): { name: string; args: Value[] }[] {
  const s = new Seeded(6);
  // A tie between the closest lengths (the shorter counts, so BP = 1), like the references of 13 and 11 against 12.
  const c1 = intIn(s, 8, 16);
  const d = intIn(s, 1, 3);
  const tie = shuffled(s, [c1 + d, c1 - d, c1 + d + intIn(s, 3, 6)]);
  // The closest reference longer than the candidate, with a shorter one and a longer one farther away (like 13 and 2 against 12).
  const c2 = intIn(s, 6, 14);
  const d1 = intIn(s, 1, 2);
  const longer = shuffled(s, [c2 - d1 - intIn(s, 1, 3), c2 + d1, c2 + d1 + intIn(s, 4, 8)]);
  return [
    { lens: tie, c: c1, what: 'a tie between the closest' },
    { lens: longer, c: c2, what: 'the closest longer' },
  ].map(({ lens, c, what }) => ({ name: `references of ${lens.join(', ')} words, candidate of ${c} (${what})`, args: [lens.map((l) => sentence(s, l)), sentence(s, c)] as Value[] }));
}

function seededBleuCases(): { name: string; args: Value[] }[] {
  const s = new Seeded(7);
  // Like candidate 1: close to a reference, with maxN left at its default (4).
  const references = [sentence(s, intIn(s, 10, 14)), sentence(s, intIn(s, 9, 15)), sentence(s, intIn(s, 8, 16))];
  const candidate = references[0]!.slice(0, references[0]!.length - intIn(s, 0, 2));
  const changed = intIn(s, 0, candidate.length - 1);
  candidate[changed] = pickFrom(s, VOCAB.filter((x) => x !== candidate[changed]));
  // Like "on the mat": 3 words all in the reference, but no 4-gram, so BLEU is 0.
  const ref = sentence(s, intIn(s, 6, 9));
  const start = intIn(s, 0, ref.length - 3);
  return [
    { name: `3 references, candidate from the first with 1 word changed (${candidate.length} words), maxN 4 (the default)`, args: [references, candidate] },
    { name: `candidate "${ref.slice(start, start + 3).join(' ')}", 3 words all in the reference "${ref.join(' ')}", maxN 4 (the default)`, args: [[ref], ref.slice(start, start + 3)] },
  ];
}

const sentenceArb = (min: number, max: number, words: string[] = VOCAB) => fc.array(fc.constantFrom(...words), { minLength: min, maxLength: max });
const refsArb = fc.array(sentenceArb(1, 12), { minLength: 1, maxLength: 3 });

async function numberOf(ctx: CheckContext, fn: string, args: Value[], what: string): Promise<number> {
  return expectNumber(await ctx.call(fn, args), what);
}

export default defineAssignment({
  id: 'course5/week3/beam-search-bleu',
  title: 'Beam search and BLEU',
  exercises: [
    {
      name: 'beamSearch',
      checks: [
        reference({
          name: 'seeded decoders',
          points: 4,
          cases: async () => {
            const s = new Seeded(1);
            const cases = [
              { nA: 4, V: 6, B: 3, maxLen: 5, alpha: 0.7, eos: 0 },
              { nA: 3, V: 5, B: 2, maxLen: 6, alpha: 1, eos: 1 }, // EOS likely: sentences finish early
              { nA: 5, V: 7, B: 4, maxLen: 4, alpha: 0.5, eos: -4 }, // EOS unlikely: sentences run to maxLen
              { nA: 3, V: 4, B: 3, maxLen: 7, alpha: 0.7, eos: -0.5 },
              { nA: 4, V: 5, B: 5, maxLen: 5, alpha: 0.8, eos: 0.5 },
            ].map(({ nA, V, B, maxLen, alpha, eos }) => ({
              name: `V = ${V}, nA = ${nA}, beamWidth ${B}, maxLen ${maxLen}, α = ${alpha}, EOS bias ${eos}`,
              args: [decoder(s, nA, V, 1.5, eos), B, maxLen, alpha] as Value[],
            }));
            // A decoder (found by search; few random ones are like it) whose [3, EOS] is pruned at step 2 yet would score
            // best: only the kept candidates that end with EOS are finished, so it is no result.
            const pruned = { name: 'V = 5, nA = 4, beamWidth 2, maxLen 5, α = 0.7, EOS bias 0: a sentence ending with EOS pruned at step 2', args: [decoder(new Seeded(247), 4, 5, 1.5), 2, 5, 0.7] as Value[] };
            return [...cases, pruned];
          },
        }),
        property({
          name: 'valid, scored and sorted',
          points: 2,
          claim: 'Every result is a sentence of 1 to maxLen tokens that ends with EOS (token 0) or has maxLen tokens, with no EOS before its end; its logProb is Σ log P of its tokens and its score logProb / Ty^α (Ty counting EOS); there are at most beamWidth distinct results, sorted by score, best first',
          inputs: beamArb,
          numRuns: 12,
          show: showBeam,
          holds: async (input, ctx) => {
            const d = decoderOf(input);
            checkResults(d, await beamOf(ctx, d, input.B, input.maxLen, input.alpha), input.B, input.maxLen, input.alpha);
          },
        }),
        property({
          name: 'width 1 is greedy decoding',
          points: 1,
          claim: 'With beamWidth 1 the result is one sentence: greedy decoding (the most likely token at each step, until EOS or maxLen)',
          inputs: beamArb,
          numRuns: 10,
          show: (i) => showBeam({ ...i, B: 1 }),
          holds: async (input, ctx) => {
            const d = decoderOf(input);
            const hyps = await beamOf(ctx, d, 1, input.maxLen, input.alpha);
            const g = greedy(d, input.maxLen);
            if (hyps.length !== 1 || show(hyps[0]!.tokens) !== show(g)) {
              const prunedEnds = hyps.length === 1 && show(hyps[0]!.tokens) === show(greedyWithPrunedEnds(d, g, input.alpha));
              violated(
                `with beamWidth 1 beamSearch returns ${hyps.map((h) => show(h.tokens)).join(', ') || 'nothing'}; greedy decoding gives ${show(g)}.`,
                prunedEnds ? BEAM_HINTS.prunedEnds : 'Keep the beamWidth best candidates of all the beam\'s extensions at every step (one, here), and stop a sentence at EOS.',
              );
            }
          },
        }),
        property({
          name: 'a beam that never prunes finds the best sentence',
          points: 2,
          claim: 'With beamWidth ≥ V^maxLen nothing is ever pruned, so the first result is the sentence of highest normalized score among all sentences (found by enumeration) — in particular never worse than greedy decoding. (For narrower beams, beam search can end below greedy: that is not checked.)',
          inputs: fc.record({ seed: fc.integer({ min: 0, max: 100_000 }), sizes: dims({ V: [3, 4], nA: [2, 3] }), maxLen: dim(3, 2), alpha: fc.constantFrom(0, 0.7, 1), eosBias: fc.constantFrom(-1, 0, 1) }).map(({ sizes, ...rest }) => ({ ...sizes, ...rest })),
          numRuns: 6,
          show: (i) => showBeam({ ...i, B: i.V ** i.maxLen }),
          holds: async (input, ctx) => {
            const d = decoderOf({ ...input, B: 0 });
            const B = input.V ** input.maxLen;
            const hyps = await beamOf(ctx, d, B, input.maxLen, input.alpha);
            const best = bestByEnumeration(d, input.maxLen, input.alpha);
            const g = greedy(d, input.maxLen);
            const gScore = sumLogProb(d, g) / g.length ** input.alpha;
            const top = hyps[0];
            if (!top || !near(top.score, best.score, 1e-6)) {
              violated(
                `the first result is ${top ? `${show(top.tokens)} with score ${formatNumber(top.score)}` : 'missing'}; the best sentence is ${show(best.tokens)} with score ${formatNumber(best.score)} (greedy: ${show(g)}, ${formatNumber(gScore)}).`,
                'Rank the finished sentences by the length-normalized score (1/Ty^α)·Σ log P, best first, and keep sentences that reach maxLen without EOS among the results.',
              );
            }
          },
        }),
        property({
          name: 'an ended sentence keeps its place',
          points: 2,
          hidden: true, // hidden: needs the plain-JS beam search (beam.oracle.ts, not in the learner edition)
          claim:
            "A kept candidate that ends with EOS leaves the beam but keeps its place among its step's beamWidth: no other hypothesis takes it. On decoders where that place decides the results (the first of up to 40 seeds from the input's where it does), the results are the course's beam search's: the same sentences, in the same order",
          inputs: beamArb.map((i) => ({ ...i, B: Math.max(i.B, 2), eosBias: Math.max(i.eosBias, 0) })),
          numRuns: 6,
          show: showBeam,
          holds: async (input, ctx) => {
            const { beamOracle } = await beamKey();
            // Most decoders never let the place of an ended sentence matter: look for one that does.
            for (let k = 0; k < 40; k++) {
              const at = { ...input, seed: input.seed + k };
              const d = asDecoder(decoderOf(at));
              const want = beamOracle(d, at.B, at.maxLen, at.alpha);
              const refilled = beamOracle(d, at.B, at.maxLen, at.alpha, 'refill');
              const expected = want.tokens.map(show).join(', ');
              if (!want.clear || !refilled.clear || expected === refilled.tokens.map(show).join(', ')) continue;
              const hyps = await beamOf(ctx, decoderOf(at), at.B, at.maxLen, at.alpha);
              const got = hyps.map((h) => show(h.tokens)).join(', ');
              if (got !== expected) {
                // Named only when the results are otherwise sound (their own Σ log P and score, sorted): results scored
                // some other way can happen to land on the refilled beam's sentences.
                violated(
                  `on ${showBeam(at)}, beamSearch returns ${got || 'nothing'}; the course's beam search gives ${expected}.`,
                  soundResults(decoderOf(at), hyps, at) && got === refilled.tokens.map(show).join(', ') ? BEAM_HINTS.refill : undefined,
                );
              }
              return;
            }
          },
        }),
        property({
          name: 'the course\'s results',
          points: 2,
          hidden: true, // hidden: needs the plain-JS beam search (beam.oracle.ts, not in the learner edition)
          claim:
            "The results are the course's beam search's — the same sentences in the same order — on decoders where a usual mistake changes them (the first of up to 40 seeds from the input's where it does, for each mistake): the beamWidth results are the best by normalized score of all the finished and unfinished sentences, every step keeps exactly beamWidth candidates, and only the kept ones that end with EOS are finished",
          inputs: beamArb.map((i) => ({ ...i, B: Math.max(i.B, 2) })),
          numRuns: 6,
          show: showBeam,
          holds: async (input, ctx) => {
            const { beamOracle } = await beamKey();
            const mistakes: [string, (d: Decoder, at: BeamInput) => { tokens: number[][]; clear: boolean }][] = [
              [BEAM_HINTS.cutByLogProb, (d, at) => beamOracle(d, at.B, at.maxLen, at.alpha, 'cut-by-logprob')],
              [BEAM_HINTS.prunedEnds, (d, at) => beamOracle(d, at.B, at.maxLen, at.alpha, 'finish-pruned')],
              [BEAM_HINTS.widthPlusOne, (d, at) => { const r = beamOracle(d, at.B + 1, at.maxLen, at.alpha); return { tokens: r.tokens.slice(0, at.B), clear: r.clear }; }],
            ];
            // Each mistake on a decoder where it changes the results; a failure names the mistake whose results it gives.
            const failures: { message: string; hint?: string }[] = [];
            for (const [hint, mistaken] of mistakes) {
              for (let k = 0; k < 40; k++) {
                const at = { ...input, seed: input.seed + k };
                const d = asDecoder(decoderOf(at));
                const want = beamOracle(d, at.B, at.maxLen, at.alpha);
                const wrong = mistaken(d, at);
                const expected = want.tokens.map(show).join(', ');
                const wrongShown = wrong.tokens.map(show).join(', ');
                if (!want.clear || !wrong.clear || expected === wrongShown) continue;
                const hyps = await beamOf(ctx, decoderOf(at), at.B, at.maxLen, at.alpha);
                const got = hyps.map((h) => show(h.tokens)).join(', ');
                if (got !== expected) {
                  const sound = soundResults(decoderOf(at), hyps, at);
                  failures.push({ message: `on ${showBeam(at)}, beamSearch returns ${got || 'nothing'}; the course's beam search gives ${expected}.`, hint: sound && got === wrongShown ? hint : undefined });
                }
                break;
              }
            }
            const failure = failures.find((f) => f.hint) ?? failures[0];
            if (failure) violated(failure.message, failure.hint);
          },
        }),
        property({
          name: 'ties follow the rule',
          points: 1,
          claim: 'Exact ties go to the lexicographically smaller token list: with token k an exact twin of token j < k (same weights), every result that contains j or k comes after each lexicographically smaller sentence made from it by exchanging some of its j and k (the same score), which are results too',
          inputs: beamArb.chain((i) => fc.record({ input: fc.constant(i), j: fc.integer({ min: 1, max: i.V - 2 }) }).chain(({ input, j }) => fc.record({ input: fc.constant(input), j: fc.constant(j), k: fc.integer({ min: j + 1, max: input.V - 1 }) }))),
          numRuns: 10,
          show: ({ input, j, k }) => `${showBeam(input)}; token ${k} a twin of token ${j}`,
          holds: async ({ input, j, k }, ctx) => {
            const d = twin(decoderOf(input), j, k);
            const hyps = await beamOf(ctx, d, input.B, input.maxLen, input.alpha);
            const order = hyps.map((h) => show(h.tokens));
            hyps.forEach((h, i) => {
              // Every sentence made from h by exchanging j and k at some of the places holding either has h's score
              // exactly; those lexicographically smaller must be kept wherever h is, and ranked before it.
              const places = h.tokens.flatMap((v, t) => (v === j || v === k ? [t] : []));
              if (!h.tokens.includes(k)) return;
              for (let bits = 0; bits < 2 ** places.length; bits++) {
                const twin = [...h.tokens];
                places.forEach((t, b) => (twin[t] = (bits >> b) & 1 ? k : j));
                if (!lexicographicallySmaller(twin, h.tokens)) continue;
                const where = order.indexOf(show(twin));
                if (where < 0 || where > i) {
                  violated(
                    `result ${i} is ${show(h.tokens)}; ${show(twin)} has exactly the same score (token ${k} is a twin of ${j}) and is lexicographically smaller, but it is ${where < 0 ? 'not returned' : `returned after it (result ${where})`}.`,
                    'On an exact tie (when pruning the candidates and when ranking the results), put the lexicographically smaller token list first.',
                  );
                }
              }
            });
          },
        }),
      ],
    },
    {
      name: 'modifiedPrecision',
      checks: [
        reference({
          name: 'published examples',
          points: 2,
          cases: async () => [
            { name: 'Papineni et al. "the the the the the the the", n = 1 (2/7)', args: [PAPER.catReferences, PAPER.the, 1] },
            { name: 'Papineni et al. "the the the the the the the", n = 2 (0)', args: [PAPER.catReferences, PAPER.the, 2] },
            { name: 'Papineni et al. candidate 1, n = 1 (17/18)', args: [PAPER.references, PAPER.candidate1, 1] },
            { name: 'Papineni et al. candidate 2, n = 1 (8/14)', args: [PAPER.references, PAPER.candidate2, 1] },
            { name: 'Papineni et al. candidate 1, n = 2 (10/17)', args: [PAPER.references, PAPER.candidate1, 2] },
            { name: 'Papineni et al. candidate 2, n = 2 (1/13)', args: [PAPER.references, PAPER.candidate2, 2] },
            // Words are units: the bigram "ab c" is not the reference's "a bc", though their letters run the same.
            { name: 'reference "a bc de", candidate "ab c de", n = 2 (0)', args: [[['a', 'bc', 'de']], ['ab', 'c', 'de'], 2] },
            // Words are compared as written (as NLTK does): "The" is not "the", "party" is not "Party".
            { name: 'Papineni et al. reference 1 ("… heed Party commands"), candidate "The party commands", n = 1 (1/3)', args: [[PAPER.references[0]!], words('The party commands'), 1] },
            // A candidate shorter than n has no n-gram: p_n = 0.
            { name: 'candidate "the cat", n = 3: no trigram (0)', args: [PAPER.catReferences, words('the cat'), 3] },
            ...seededPrecisionCases(),
          ],
        }),
        reference({
          name: 'seeded sentences',
          points: 2,
          cases: async () => {
            const s = new Seeded(2);
            return [
              { refs: [9, 7], len: 8, n: 1, v: 5 },
              { refs: [6, 10, 8], len: 9, n: 2, v: 4 },
              { refs: [12], len: 10, n: 1, v: 3 },
              { refs: [7, 7], len: 6, n: 3, v: 3 },
            ].map(({ refs, len, n, v }) => ({ name: `${refs.length} references, ${len} words, n = ${n}, ${v} distinct words`, args: [refs.map((l) => sentence(s, l, v)), sentence(s, len, v), n] as Value[] }));
          },
        }),
        property({
          name: 'clipping caps repeated words',
          points: 2,
          claim: 'A candidate repeating one word k times, against references in which that word appears at most r times each (the largest r_max), has unigram precision min(k, r_max)/k',
          inputs: fc.record({ k: dim(8), refs: fc.array(fc.record({ r: fc.integer({ min: 0, max: 4 }), other: sentenceArb(0, 5, ['cat', 'sat', 'on']) }), { minLength: 1, maxLength: 3 }) }),
          numRuns: 15,
          holds: async ({ k, refs }, ctx) => {
            const references = refs.map(({ r, other }) => [...new Array<string>(r).fill('the'), ...other]);
            const rMax = Math.max(...refs.map((x) => x.r));
            const got = await numberOf(ctx, 'modifiedPrecision', [references, new Array<string>(k).fill('the'), 1], 'modifiedPrecision(references, candidate, 1)');
            const want = Math.min(k, rMax) / k;
            if (!near(got, want, 1e-6)) {
              const sum = refs.reduce((t, x) => t + x.r, 0);
              // Not clipping gives k/k = 1; dividing by the distinct n-grams (one here) gives min(k, r_max), also 1 when
              // r_max = 1. "the the" against "the the" tells them apart: 1 unclipped, 2 over the distinct n-grams.
              const distinct = near(got, Math.min(k, rMax)) && near(await numberOf(ctx, 'modifiedPrecision', [[['the', 'the']], ['the', 'the'], 1], 'modifiedPrecision'), 2);
              violated(
                `"the" ×${k} against references with "the" ×${refs.map((x) => x.r).join(', ')}: precision ${formatNumber(got)}, expected min(${k}, ${rMax})/${k} = ${formatNumber(want)}.`,
                distinct
                  ? BLEU_HINTS.distinctDenominator
                  : near(got, 1) && rMax < k
                    ? 'The counts are not clipped: a candidate word counts at most as many times as it appears in a reference.'
                    : near(got, Math.min(k, sum) / k) && sum !== rMax
                      ? 'The clip is the largest count in any one reference, not the sum over the references.'
                      : undefined,
              );
            }
          },
        }),
        property({
          name: 'identical and disjoint sentences',
          points: 1,
          claim: 'A candidate equal to one of the references has precision 1 for every n up to its length; a candidate sharing no word with the references has precision 0; precision is always in [0, 1]',
          inputs: fc.record({ cand: sentenceArb(1, 8, ['the', 'cat', 'sat', 'on']), others: fc.array(sentenceArb(1, 8, ['the', 'cat', 'sat', 'on']), { maxLength: 2 }), disjoint: sentenceArb(1, 8, ['dog', 'ran', 'mat']), n: dim(3) }),
          numRuns: 12,
          holds: async ({ cand, others, disjoint, n }, ctx) => {
            if (n <= cand.length) {
              const same = await numberOf(ctx, 'modifiedPrecision', [[...others, cand], cand, n], 'modifiedPrecision');
              if (!near(same, 1, 1e-6)) {
                // Named only when the value is the candidate's n-grams over the references' (one's, or all of theirs).
                const count = (s: string[]) => Math.max(s.length - n + 1, 0);
                const refCounts = [...others, cand].map(count);
                const denominators = [...refCounts, refCounts.reduce((a, b) => a + b, 0)];
                const byReferences = denominators.some((d) => d > 0 && d !== count(cand) && near(same, count(cand) / d, 1e-6));
                // Or by its distinct n-grams (each counted once). When both explain the value, neither is named.
                const distinct = new Set(cand.slice(0, count(cand)).map((_, i) => cand.slice(i, i + n).join(' '))).size;
                const byDistinct = distinct !== count(cand) && near(same, count(cand) / distinct, 1e-6);
                // Or clipped by the reference that holds each n-gram the fewest times (min over the references, not max).
                const gramsOf = (sent: string[]) => {
                  const m = new Map<string, number>();
                  for (let i = 0; i + n <= sent.length; i++) m.set(sent.slice(i, i + n).join(' '), (m.get(sent.slice(i, i + n).join(' ')) ?? 0) + 1);
                  return m;
                };
                const refGrams = [...others, cand].map(gramsOf);
                let fewestClipped = 0;
                for (const [g, c] of gramsOf(cand)) fewestClipped += Math.min(c, ...refGrams.map((r) => r.get(g) ?? 0));
                const byFewest = near(same, fewestClipped / count(cand), 1e-6) && !byReferences && !byDistinct;
                if (byFewest) violated(`a candidate equal to a reference has ${n}-gram precision ${formatNumber(same)}, not 1.`, BLEU_HINTS.clipByFewest);
                violated(
                  `a candidate equal to a reference has ${n}-gram precision ${formatNumber(same)}, not 1.`,
                  byReferences && !byDistinct
                    ? "Divide the clipped count by the number of the candidate's n-grams, not the references'."
                    : byDistinct && !byReferences
                      ? BLEU_HINTS.distinctDenominator
                      : "A candidate equal to a reference matches every one of its n-grams: count every window of n consecutive words (starting at 0 through length − n), clip each by its largest count in any one reference, and divide by the candidate's number of n-grams.",
                );
              }
            }
            const none = await numberOf(ctx, 'modifiedPrecision', [[cand, ...others], disjoint, n], 'modifiedPrecision');
            if (!near(none, 0, 1e-9)) {
              violated(
                `a candidate of ${disjoint.length} words sharing no word with the references has ${n}-gram precision ${formatNumber(none)}, not 0.`,
                disjoint.length < n && near(none, 1) ? 'A candidate with fewer than n words has no n-gram, and its p_n is 0, not 1: return 0 when there is nothing to divide by.' : undefined,
              );
            }
          },
        }),
      ],
    },
    {
      name: 'brevityPenalty',
      checks: [
        reference({
          name: 'published examples',
          points: 1,
          cases: async () => [
            { name: 'NLTK: references of 28 and 28 words, candidate of 12 (0.2635971381157267)', args: [[a(28), a(28)], a(12)] },
            { name: 'NLTK: references of 13 and 2 words, candidate of 12 (0.9200444146293233)', args: [[a(13), a(2)], a(12)] },
            { name: 'NLTK: references of 13 and 11 words, candidate of 12 (1)', args: [[a(13), a(11)], a(12)] },
            { name: 'NLTK: references of 12, 15 and 17 words, candidate of 12 (1)', args: [[a(12), a(15), a(17)], a(12)] },
            { name: 'Papineni et al. candidate 2 (14 words; references of 16, 18, 16)', args: [PAPER.references, PAPER.candidate2] },
            ...seededBrevityCases(),
          ],
        }),
        reference({
          name: 'seeded lengths',
          points: 2,
          cases: async () => {
            const s = new Seeded(3);
            return [
              { refs: [10, 16, 7], len: 9 },
              { refs: [20, 9], len: 5 },
              { refs: [8, 14], len: 11 },
              { refs: [6, 12, 25], len: 13 },
            ].map(({ refs, len }) => ({ name: `references of ${refs.join(', ')} words, candidate of ${len}`, args: [refs.map((l) => sentence(s, l)), sentence(s, len)] as Value[] }));
          },
        }),
        property({
          name: 'closest reference length',
          points: 2,
          claim: 'With r the length of the reference closest to the candidate\'s length c (the shorter on a tie), BP is 1 when c > r and exp(1 − r/c) otherwise (0 < BP ≤ 1); references farther away than the closest do not matter',
          inputs: fc.record({ lens: fc.array(dim(20), { minLength: 1, maxLength: 4 }), c: dim(20) }),
          numRuns: 20,
          holds: async ({ lens, c }, ctx) => {
            const r = lens.reduce((best, l) => (Math.abs(l - c) < Math.abs(best - c) || (Math.abs(l - c) === Math.abs(best - c) && l < best) ? l : best));
            const want = c > r ? 1 : Math.exp(1 - r / c);
            const got = await numberOf(ctx, 'brevityPenalty', [lens.map(a), a(c)], 'brevityPenalty(references, candidate)');
            if (!near(got, want, 1e-6)) {
              const longest = Math.max(...lens);
              const shortest = Math.min(...lens);
              const bp = (rr: number) => (c > rr ? 1 : Math.exp(1 - rr / c));
              violated(
                `references of ${lens.join(', ')} words and a candidate of ${c}: BP is ${formatNumber(got)}; the closest reference has ${r} words, so BP = ${formatNumber(want)}.`,
                near(got, Math.exp(1 - c / r)) && c < r
                  ? 'The ratio is upside down: BP = exp(1 − r/c), with r the reference length and c the candidate\'s.'
                  : longest !== r && near(got, bp(longest))
                    ? 'r is the length of the reference closest to the candidate\'s length, not the longest reference.'
                    : shortest !== r && near(got, bp(shortest))
                      ? 'r is the length of the reference closest to the candidate\'s length, not the shortest reference.'
                      : undefined,
              );
            }
          },
        }),
        property({
          name: 'an empty candidate',
          points: 1,
          claim: 'An empty candidate has BP 0, against any references, an empty one among them included (there c = r = 0: BP is not 1, since c > r fails, and not exp(1 − 0/0))',
          inputs: fc.array(dim(12), { maxLength: 3 }),
          numRuns: 6,
          holds: async (lens, ctx) => {
            for (const refs of [lens.length ? lens : [5], [0, ...lens]]) {
              const got = await numberOf(ctx, 'brevityPenalty', [refs.map(a), []], 'brevityPenalty(references, [])');
              if (got === 0) continue;
              // Only an empty reference (r = 0) lets the usual formula give something else than 0: 1 from c ≥ r, NaN from 0/0.
              const emptyRef = refs.includes(0);
              violated(
                `references of ${refs.join(', ')} words and an empty candidate: BP is ${formatNumber(got)}, expected 0.`,
                emptyRef && Number.isNaN(got) ? BP_HINTS.noEmptyGuard : emptyRef && got === 1 ? BP_HINTS.notStrict : undefined,
              );
            }
          },
        }),
      ],
    },
    {
      name: 'bleu',
      dependsOn: ['modifiedPrecision', 'brevityPenalty'],
      checks: [
        reference({
          name: 'published example',
          points: 2,
          cases: async () => [
            { name: 'NLTK sentence_bleu: Papineni et al. candidate 1 (0.5045666840058485)', args: [PAPER.references, PAPER.candidate1] },
            { name: 'Papineni et al. candidate 2: no matching 4-gram (0)', args: [PAPER.references, PAPER.candidate2] },
            // Every n-gram it has matches, but it has no 4-gram: p_4 = 0, so BLEU is 0 (N is maxN, whatever the length).
            { name: 'candidate "on the mat", 3 words all in the reference "the cat is on the mat", N = 4 (0)', args: [[PAPER.catReferences[0]!], words('on the mat')] },
            ...seededBleuCases(),
          ],
        }),
        reference({
          name: 'seeded sentences',
          points: 2,
          cases: async () => {
            const s = new Seeded(4);
            return [
              { refs: [12, 9], k: 2, drop: 0, n: 4 },
              { refs: [10, 14, 11], k: 1, drop: 3, n: 4 },
              { refs: [8], k: 1, drop: 1, n: 2 },
              { refs: [15, 13], k: 3, drop: 4, n: 3 },
            ].map(({ refs, k, drop, n }) => {
              const references = refs.map((l) => sentence(s, l));
              return { name: `${refs.length} references, candidate from the first with ${k} words changed and ${drop} cut, N = ${n}`, args: [references, perturbed(s, references[0]!, k, drop), n] as Value[] };
            });
          },
        }),
        property({
          name: 'identical 1, disjoint 0',
          points: 1,
          claim: 'A candidate equal to one of the references (of at least 4 words) scores 1; a candidate sharing no word with the references scores 0',
          inputs: fc.record({ cand: sentenceArb(4, 10, ['the', 'cat', 'sat', 'on']), others: fc.array(sentenceArb(2, 12, ['the', 'cat', 'sat', 'on']), { maxLength: 2 }), disjoint: sentenceArb(4, 10, ['dog', 'ran', 'mat']) }),
          numRuns: 10,
          holds: async ({ cand, others, disjoint }, ctx) => {
            const same = await numberOf(ctx, 'bleu', [[cand, ...others], cand], 'bleu(references, candidate)');
            if (!near(same, 1, 1e-6)) violated(`a candidate equal to a reference scores ${formatNumber(same)}, not 1.`);
            const none = await numberOf(ctx, 'bleu', [[cand, ...others], disjoint], 'bleu(references, candidate)');
            if (!near(none, 0, 1e-9)) violated(`a candidate sharing no word with the references scores ${formatNumber(none)}, not 0.`, 'BLEU is a geometric mean: one precision of 0 makes it 0.');
          },
        }),
        property({
          name: 'BP times the geometric mean',
          points: 2,
          claim: 'bleu(references, candidate, N) = brevityPenalty · (p_1 · … · p_N)^(1/N), with your own modifiedPrecision and brevityPenalty',
          inputs: fc.record({ refs: refsArb, cand: sentenceArb(1, 12, ['the', 'cat', 'sat', 'on']), N: dim(4) }),
          numRuns: 12,
          holds: async ({ refs, cand, N }, ctx) => {
            const p: number[] = [];
            for (let n = 1; n <= N; n++) p.push(await numberOf(ctx, 'modifiedPrecision', [refs, cand, n], 'modifiedPrecision'));
            const bp = await numberOf(ctx, 'brevityPenalty', [refs, cand], 'brevityPenalty');
            const got = await numberOf(ctx, 'bleu', [refs, cand, N], 'bleu(references, candidate, N)');
            const want = bp * p.reduce((x, y) => x * y, 1) ** (1 / N);
            if (!near(got, want, 1e-6)) {
              const mean = p.reduce((x, y) => x + y, 0) / N;
              // N capped at the candidate's length: the geometric mean of the p_n it has n-grams for.
              const L = cand.length;
              const capped = L < N && p.slice(0, L).every((x) => x > 0) ? bp * p.slice(0, L).reduce((x, y) => x * y, 1) ** (1 / L) : NaN;
              // The loop stopping before n = N: exp((1/N) Σ_{n<N} log p_n). Where it gives the same value as the cap, neither is named.
              const missesN = N > 1 && p.slice(0, N - 1).every((x) => x > 0) ? bp * Math.exp(p.slice(0, N - 1).reduce((x, y) => x + Math.log(y), 0) / N) : NaN;
              violated(
                `p_1 … p_${N} = ${p.map(formatNumber).join(', ')}, BP = ${formatNumber(bp)}: bleu is ${formatNumber(got)}, expected BP·(Π p_n)^(1/${N}) = ${formatNumber(want)}.`,
                near(got, capped) && !near(got, missesN)
                  ? BLEU_HINTS.cappedN
                  : near(got, missesN) && !near(got, capped)
                    ? BLEU_HINTS.missesN
                    : !near(want, bp * mean, 1e-6) && near(got, bp * mean)
                      ? 'This is the arithmetic mean of the precisions: BLEU takes their geometric mean, exp((1/N) Σ log p_n).'
                      : bp < 1 && near(got, want / bp)
                        ? 'The brevity penalty is missing: multiply the geometric mean by BP.'
                        : undefined,
              );
            }
          },
        }),
      ],
    },
  ],
});
