/**
 * Grader: course 3, week 1 — ML strategy by the numbers.
 *
 * Plain numbers, sets of ids and tallies: reference cases (seeded, so hidden
 * cases draw other values) name the known mistakes; properties check the
 * invariants every correct answer has (gaps are differences along the chain,
 * splits are disjoint with the right proportions, tallies add up).
 */
import * as fc from 'fast-check';
import { PROBLEMS_IN_ORDER, REMEDIES, type Problem } from '../../../lib/ml-strategy';
import { expectArray, expectClose, expectNumber, expectRecord, violated } from '../../engine/checks/violation';
import { withinTolerance } from '../../engine/compare';
import { defineAssignment, property, reference, type CheckContext } from '../../engine/define';
import { formatNumber as fmt } from '../../engine/ndarray';
import { Seeded } from '../../engine/seeded';
import { tolerance } from '../../engine/tolerance';
import type { Value, ValueRecord } from '../../engine/values';

/** A number drawn from a Seeded generator, rounded to `digits` decimals so cases read well. */
function draw(s: Seeded, low: number, high: number, digits = 3): number {
  const v = s.uniform([1], low, high).data[0]!;
  return Number(v.toFixed(digits));
}

/** Errors along the chain, each a little above the previous one; trainDev/test included. */
function drawErrors(s: Seeded): ValueRecord {
  const humanError = draw(s, 0, 0.05);
  const trainError = Number((humanError + draw(s, 0, 0.08)).toFixed(3));
  const trainDevError = Number((trainError + draw(s, 0, 0.08)).toFixed(3));
  const devError = Number((trainDevError + draw(s, 0, 0.08)).toFixed(3));
  const testError = Number((devError + draw(s, 0, 0.05)).toFixed(3));
  return { humanError, trainError, trainDevError, devError, testError };
}

/** Error rates in thousandths: counterexamples read as 0.012, not 0.01199999. */
const rate = fc.integer({ min: 0, max: 300 }).map((k) => k / 1000);
const errorsArb = fc.record({ humanError: rate, trainError: rate, trainDevError: rate, devError: rate, testError: rate });

const num = (v: Value | undefined, what: string) => expectNumber(v, what);

/** The gaps and the problem a correct diagnose gives, with ties within 1e-9 going to the earlier stage. */
function expectedDiagnosis(e: Record<string, number>, minGap: number): { gaps: number[]; problem: Problem } {
  const gaps = [e.trainError! - e.humanError!, e.trainDevError! - e.trainError!, e.devError! - e.trainDevError!, e.testError! - e.devError!];
  let best = 0;
  gaps.forEach((g, i) => {
    if (g > gaps[best]! + 1e-9) best = i;
  });
  return { gaps, problem: gaps[best]! > minGap + 1e-9 ? PROBLEMS_IN_ORDER[best]! : 'none' };
}

/** A split request: sizes, fractions in twentieths, a seed. */
/** A set size is a rounded fraction of a count: within one example of it (allowing the float64 rounding of the product). */
const withinOne = (count: number, target: number) => Math.abs(count - target) <= 1 || withinTolerance(1, Math.abs(count - target), tolerance('exact'));

const splitArb = fc.record({
  web: fc.integer({ min: 0, max: 40 }),
  mobile: fc.integer({ min: 2, max: 30 }),
  mobileTrainFraction: fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
  trainDevFraction: fc.integer({ min: 0, max: 10 }).map((k) => k / 20),
  seed: fc.integer({ min: 0, max: 10_000 }),
});

function idList(v: Value | undefined, what: string): number[] {
  return expectArray(v, what).map((x, i) => {
    const n = expectNumber(x, `${what}[${i}]`);
    if (!Number.isInteger(n)) violated(`${what}[${i}] is ${fmt(n)}, not an example id.`);
    return n;
  });
}

async function splitsOf(ctx: CheckContext, s: { web: number; mobile: number; mobileTrainFraction: number; trainDevFraction: number; seed: number }) {
  const out = expectRecord(
    await ctx.call('makeSplits', [s.web, s.mobile, { mobileTrainFraction: s.mobileTrainFraction, trainDevFraction: s.trainDevFraction }, s.seed]),
    'makeSplits(…)',
    ['train', 'trainDev', 'dev', 'test'],
  );
  return { train: idList(out.train, 'train'), trainDev: idList(out.trainDev, 'trainDev'), dev: idList(out.dev, 'dev'), test: idList(out.test, 'test') };
}

/** Error-analysis tables: up to 12 misclassified examples, each with up to 3 of 4 tags. */
const TAGS = ['dog', 'great cat', 'blurry', 'filter'];
const tagTableArb = fc
  .array(fc.subarray(TAGS, { maxLength: 3 }), { minLength: 1, maxLength: 12 })
  .chain((tags) => fc.record({ tags: fc.constant(tags), devSize: fc.integer({ min: tags.length, max: 60 }) }));

function drawTags(s: Seeded, count: number, names: string[]): string[][] {
  return Array.from({ length: count }, () => names.filter(() => s.uniform([1]).data[0]! < 0.4));
}

export default defineAssignment({
  id: 'course3/week1/ml-strategy',
  title: 'ML strategy by the numbers',
  exercises: [
    {
      name: 'avoidableBias',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => {
            const s = new Seeded(301);
            return [
              { name: 'human 0.07, train 0.08 (the course: focus on variance)', args: [{ humanError: 0.07, trainError: 0.08, devError: 0.1 }] },
              { name: 'seeded errors', args: [drawErrors(s)] },
              { name: 'seeded errors, test error 0.5', args: [{ ...drawErrors(s), testError: 0.5 }] },
            ];
          },
        }),
        property({
          name: 'gap to human level',
          points: 1,
          claim: 'avoidableBias(errors) = trainError − humanError, whatever the other errors',
          inputs: errorsArb,
          numRuns: 20,
          holds: async (e, ctx) => {
            expectClose(num(await ctx.call('avoidableBias', [e]), 'avoidableBias(errors)'), e.trainError - e.humanError, 'avoidableBias(errors)', tolerance('exact'));
          },
        }),
      ],
    },
    {
      name: 'varianceGap',
      checks: [
        reference({
          name: 'seeded cases',
          points: 1,
          cases: async () => {
            const s = new Seeded(302);
            const noTrainDev = drawErrors(s);
            delete noTrainDev.trainDevError;
            return [
              { name: 'with a train-dev set', args: [drawErrors(s)] },
              { name: 'without a train-dev set (dev from the training distribution)', args: [noTrainDev] },
              { name: 'human 0.01, train 0.01, train-dev 0.05, dev 0.11', args: [{ humanError: 0.01, trainError: 0.01, trainDevError: 0.05, devError: 0.11 }] },
              // A train-dev error of 0 is a train-dev set all the same: `trainDevError ? … : devError` (truthiness) takes dev.
              { name: 'human 0, train 0, train-dev 0, dev 0.05 (a train-dev error of 0 is still there)', args: [{ humanError: 0, trainError: 0, trainDevError: 0, devError: 0.05 }] },
            ];
          },
        }),
        property({
          name: 'held-out gap on the training distribution',
          points: 1,
          claim: 'varianceGap(errors) = trainDevError − trainError when there is a train-dev set, devError − trainError when there is none',
          inputs: fc.record({ e: errorsArb, withTrainDev: fc.boolean() }),
          numRuns: 20,
          holds: async ({ e, withTrainDev }, ctx) => {
            const { trainDevError: _dropped, ...withoutTrainDev } = e;
            const args = withTrainDev ? e : withoutTrainDev;
            const want = (withTrainDev ? e.trainDevError : e.devError) - e.trainError;
            expectClose(num(await ctx.call('varianceGap', [args]), 'varianceGap(errors)'), want, 'varianceGap(errors)', tolerance('exact'));
          },
        }),
      ],
    },
    {
      name: 'diagnose',
      dependsOn: ['avoidableBias', 'varianceGap'],
      checks: [
        reference({
          name: 'course cases',
          points: 3,
          cases: async () => {
            const s = new Seeded(303);
            const e = (humanError: number, trainError: number, trainDevError: number, devError: number, testError: number) => ({ humanError, trainError, trainDevError, devError, testError });
            return [
              { name: 'data mismatch (train-dev 2%, dev 10%)', args: [e(0.01, 0.015, 0.02, 0.1, 0.105)] },
              { name: 'avoidable bias (human 1%, train 8%)', args: [e(0.01, 0.08, 0.09, 0.1, 0.1)] },
              { name: 'variance (train 1%, train-dev 6%)', args: [e(0.005, 0.01, 0.06, 0.065, 0.07)] },
              { name: 'a tie between avoidable bias and variance (3% each)', args: [e(0.02, 0.05, 0.08, 0.09, 0.09)] },
              { name: 'overfitting to the dev set (dev 2%, test 6%)', args: [e(0.01, 0.012, 0.014, 0.02, 0.06)] },
              { name: 'no gap above minGap = 0.005', args: [e(0.02, 0.021, 0.022, 0.024, 0.025), 0.005] },
              { name: 'seeded errors', args: [drawErrors(s)] },
              { name: 'seeded errors, minGap = 0.02', args: [drawErrors(s), 0.02] },
              // Every gap 0: none is above minGap = 0.
              { name: 'every error 5% (every gap 0)', args: [e(0.05, 0.05, 0.05, 0.05, 0.05)] },
              // Gaps 0.09999999999999998 and 0.10000000000000003 in float64: a tie, to the earlier stage.
              { name: 'avoidable bias and variance both 0.1 but for float rounding (human 20%, train 30%, train-dev 40%)', args: [e(0.2, 0.3, 0.4, 0.4, 0.4)] },
              // The variance gap is 0.10000000000000003: minGap, but for float rounding, so not above it.
              { name: 'the largest gap equal to minGap = 0.1 but for float rounding', args: [e(0.3, 0.3, 0.4, 0.4, 0.4), 0.1] },
            ];
          },
        }),
        property({
          name: 'largest gap and its remedies',
          points: 2,
          claim:
            'gaps are trainError − humanError, trainDevError − trainError, devError − trainDevError and testError − devError; problem is the stage of the largest (ties to the earlier stage), or "none" when none is above minGap; remedies are REMEDIES[problem]',
          inputs: fc.record({ e: errorsArb, minGap: fc.constantFrom(0, 0.01, 0.05) }),
          numRuns: 30,
          holds: async ({ e, minGap }, ctx) => {
            const out = expectRecord(await ctx.call('diagnose', [e, minGap]), 'diagnose(errors, minGap)', ['gaps', 'problem', 'remedies']);
            const want = expectedDiagnosis(e, minGap);
            const gaps = expectRecord(out.gaps, 'gaps', ['avoidableBias', 'variance', 'dataMismatch', 'devOverfitting']);
            ['avoidableBias', 'variance', 'dataMismatch', 'devOverfitting'].forEach((k, i) => expectClose(num(gaps[k], `gaps.${k}`), want.gaps[i]!, `gaps.${k}`, tolerance('exact')));
            if (out.problem !== want.problem) violated(`problem is ${JSON.stringify(out.problem)}, expected ${JSON.stringify(want.problem)}.`);
            expectClose(out.remedies, [...REMEDIES[want.problem]], 'remedies');
          },
        }),
      ],
    },
    {
      name: 'makeSplits',
      checks: [
        reference({
          name: 'seeded splits',
          points: 3,
          cases: async () => {
            const s = new Seeded(304);
            const seed = () => Math.floor(draw(s, 0, 1000, 0));
            return [
              { name: '30 web, 13 mobile, mobileTrainFraction 0.6, trainDevFraction 0.1', args: [30, 13, { mobileTrainFraction: 0.6, trainDevFraction: 0.1 }, seed()] },
              { name: '20 web, 10 mobile, mobileTrainFraction 0.5, trainDevFraction 0.2', args: [20, 10, { mobileTrainFraction: 0.5, trainDevFraction: 0.2 }, seed()] },
              { name: '12 web, 17 mobile, mobileTrainFraction 0.35, trainDevFraction 0.15', args: [12, 17, { mobileTrainFraction: 0.35, trainDevFraction: 0.15 }, seed()] },
            ];
          },
        }),
        property({
          name: 'disjoint sets in proportion',
          points: 3,
          claim:
            'Every example is in exactly one set; dev and test hold mobile examples only and differ in size by at most one; the training pool (train + trainDev) holds every web example and mobileTrainFraction of the mobile ones, and trainDev is trainDevFraction of that pool, each within one example',
          inputs: splitArb,
          numRuns: 25,
          holds: async (req, ctx) => {
            const sets = await splitsOf(ctx, req);
            // train-dev left in train shows as the whole train-dev set inside train; any other overlap is two examples given one id.
            const inTrain = new Set(sets.train);
            const trainDevLeftInTrain = sets.trainDev.length > 0 && sets.trainDev.every((id) => inTrain.has(id));
            const overlapHint = (before: string, name: string) =>
              (before === 'train' || name === 'train') && trainDevLeftInTrain
                ? 'The train-dev set is carved out of the training pool: take its examples out of train.'
                : 'Each example has its own id: web examples are 0 … webCount − 1 and mobile example i is webCount + i. The sets hold those ids (pool[order[k]]), not positions in the pool or in the permutation.';
            const owner = new Map<number, string>();
            for (const [name, ids] of Object.entries(sets)) {
              for (const id of ids) {
                if (id < 0 || id >= req.web + req.mobile) violated(`${name} holds ${id}, which is no example id (0 … ${req.web + req.mobile - 1}).`);
                const before = owner.get(id);
                if (before) violated(`example ${id} is in both ${before} and ${name}: the sets must not overlap.`, overlapHint(before, name));
                owner.set(id, name);
              }
            }
            if (owner.size !== req.web + req.mobile) violated(`${req.web + req.mobile - owner.size} of the ${req.web + req.mobile} examples are in no set.`);
            const web = [...sets.dev, ...sets.test].filter((id) => id < req.web);
            if (web.length) violated(`dev/test hold web example ${web[0]}: dev and test come from the mobile distribution only.`, 'Dev and test come from the distribution you care about (mobile uploads): web images go into the training pool only.');
            if (Math.abs(sets.dev.length - sets.test.length) > 1) violated(`dev holds ${sets.dev.length} examples and test ${sets.test.length}: split the held-out mobile examples in halves.`);
            const pool = sets.train.length + sets.trainDev.length;
            const mobileTrain = pool - req.web;
            if (!withinOne(mobileTrain, req.mobileTrainFraction * req.mobile)) {
              violated(`the training pool holds ${mobileTrain} mobile examples, expected about ${fmt(req.mobileTrainFraction * req.mobile)} (mobileTrainFraction × mobileCount).`);
            }
            if (!withinOne(sets.trainDev.length, req.trainDevFraction * pool)) {
              violated(`trainDev holds ${sets.trainDev.length} examples, expected about ${fmt(req.trainDevFraction * pool)} (trainDevFraction × the ${pool} examples of the training pool).`);
            }
          },
        }),
      ],
    },
    {
      name: 'errorAnalysis',
      checks: [
        reference({
          name: 'seeded tables',
          points: 3,
          cases: async () => {
            const s = new Seeded(305);
            return [
              { name: '8 misclassified of 50, tags dog / great cat / blurry', args: [drawTags(s, 8, ['dog', 'great cat', 'blurry']), 50] },
              { name: '11 misclassified of 80, four tags', args: [drawTags(s, 11, ['dog', 'great cat', 'blurry', 'instagram']), 80] },
              {
                name: 'the course table: 5 examples, two with two tags, one untagged',
                args: [[['dog'], ['great cat', 'blurry'], ['blurry'], ['dog', 'blurry'], []], 40],
              },
            ];
          },
        }),
        property({
          name: 'tallies add up',
          points: 2,
          claim:
            'devError = (misclassified)/devSize; each tag appears with count = the examples carrying it (an example with two tags counts in both), share = count / misclassified, errorIfFixed = (misclassified − count)/devSize',
          inputs: tagTableArb,
          numRuns: 25,
          holds: async ({ tags, devSize }, ctx) => {
            const out = expectRecord(await ctx.call('errorAnalysis', [tags, devSize]), 'errorAnalysis(tags, devSize)', ['devError', 'categories']);
            expectClose(num(out.devError, 'devError'), tags.length / devSize, 'devError');
            const categories = expectRecord(out.categories, 'categories');
            const seen = [...new Set(tags.flat())];
            const extra = Object.keys(categories).filter((k) => !seen.includes(k));
            if (extra.length) violated(`categories has ${JSON.stringify(extra[0])}, which tags no example.`);
            for (const tag of seen) {
              const count = tags.filter((t) => t.includes(tag)).length;
              const c = expectRecord(categories[tag], `categories[${JSON.stringify(tag)}]`, ['count', 'share', 'errorIfFixed']);
              expectClose(num(c.count, 'count'), count, `categories[${JSON.stringify(tag)}].count`);
              expectClose(num(c.share, 'share'), count / tags.length, `categories[${JSON.stringify(tag)}].share`);
              expectClose(num(c.errorIfFixed, 'errorIfFixed'), (tags.length - count) / devSize, `categories[${JSON.stringify(tag)}].errorIfFixed`);
            }
          },
        }),
      ],
    },
    {
      name: 'mislabeledImpact',
      checks: [
        reference({
          name: 'course cases',
          points: 2,
          cases: async () => {
            const s = new Seeded(306);
            return [
              { name: 'dev error 10%, 6 of 100 mislabeled (not worth it)', args: [0.1, 6, 100] },
              { name: 'dev error 2%, 30 of 100 mislabeled (worth it)', args: [0.02, 30, 100] },
              { name: 'seeded, minRatio 0.5', args: [draw(s, 0.01, 0.2), Math.floor(draw(s, 5, 30, 0)), 60, 0.5] },
              { name: 'seeded, 2 of 50 mislabeled', args: [draw(s, 0.01, 0.2), 2, 50] },
              // An exact tie in any order of the operations (every number dyadic): labelError = otherError = 0.25, minRatio 1.
              { name: 'dev error 50%, 2 of 4 mislabeled, minRatio 1 (an exact tie: worth it, ≥)', args: [0.5, 2, 4, 1] },
            ];
          },
        }),
        property({
          name: 'labels versus other causes',
          points: 2,
          claim: 'labelError = devError × mislabeled / examined, otherError = devError − labelError, worthFixing exactly when labelError ≥ minRatio × otherError',
          inputs: fc.record({
            devError: fc.integer({ min: 1, max: 300 }).map((k) => k / 1000),
            examined: fc.integer({ min: 1, max: 200 }),
            share: fc.double({ min: 0, max: 1, noNaN: true }),
            minRatio: fc.constantFrom(0.1, 0.25, 0.5, 1),
          }),
          numRuns: 30,
          holds: async ({ devError, examined, share, minRatio }, ctx) => {
            const mislabeled = Math.round(share * examined);
            const out = expectRecord(await ctx.call('mislabeledImpact', [devError, mislabeled, examined, minRatio]), 'mislabeledImpact(…)', ['labelError', 'otherError', 'worthFixing']);
            const labelError = (devError * mislabeled) / examined;
            const otherError = devError - labelError;
            expectClose(num(out.labelError, 'labelError'), labelError, 'labelError', tolerance('exact'));
            expectClose(num(out.otherError, 'otherError'), otherError, 'otherError', tolerance('exact'));
            // Too close to call: a correct answer may go either way by a rounding error.
            if (withinTolerance(minRatio * otherError, labelError, tolerance('exact'))) return; // within the tolerance labelError itself is held to
            const worth = labelError >= minRatio * otherError;
            if (out.worthFixing !== worth) {
              violated(`worthFixing is ${String(out.worthFixing)}, but labelError ${fmt(labelError)} is ${worth ? 'at least' : 'below'} minRatio × otherError = ${fmt(minRatio * otherError)}.`);
            }
          },
        }),
      ],
    },
  ],
});
