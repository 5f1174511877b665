/**
 * Mistakes the grader derives from a case's arguments (issue #16): swapped
 * arguments and a wrong cache entry are recorded in the fixtures, with the
 * solution's parameter names, and named at grading for a learner who makes
 * them — never for a correct learner, never over a hand-written mutant.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReferenceCheck } from '../graders/engine/checks/reference';
import { defineAssignment, reference, type ReferenceCheckDef } from '../graders/engine/define';
import { fixturePath, generateFixtures, loadFixtures, type FixtureCase, type KnownMistake } from '../graders/engine/fixtures';
import { variantsOf } from '../graders/engine/generated-mistakes';
import { selectGenerated, type Behaviour, type KnownBehaviour } from '../graders/engine/mistake-selection';
import { stableJson } from '../graders/engine/json';
import { nd, zip, type NdArray } from '../graders/engine/ndarray';
import { repoRoot } from '../graders/engine/paths';
import { Seeded } from '../graders/engine/seeded';
import type { Value } from '../graders/engine/values';
import { fakeContext, fakeImplementation } from './support/fake';
import { gradeFile, newSandbox } from './support/grading';

const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-generated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ------------------------------------------------------------------ a made-up assignment

type Cache = { Z: NdArray; A: NdArray };
/** step(x, y) = x − 2y; backward(dZ, cache) = dZ ⊙ (1 − A²): Z and A have one shape, so reading one for the other is possible. */
const step = (x: NdArray, y: NdArray) => zip(x, y, (a, b) => a - 2 * b);
const backward = (dZ: NdArray, c: Cache) => zip(dZ, c.A, (d, a) => d * (1 - a * a));

// The reference's source: only its parameter names and types are read.
const solutionFile = path.join(dir, 'made-up.ts');
writeFileSync(
  solutionFile,
  [
    'export function step(x: number[], y: number[]): number[] { return x; }',
    'export type Cache = { Z: number[]; A: number[] };',
    'export function backward(dZ: number[], cache: Cache): number[] { return dZ; }',
  ].join('\n'),
);

const ID = 'course9/week1/made-up';
// Seeded inputs, so the hidden variant draws cases of its own.
const stepCheck = reference({
  name: 'cases',
  points: 2,
  cases: async () => {
    const s = new Seeded(5);
    return [3, 4].map((n) => ({ name: `n = ${n}`, args: [s.randn([2, n]), s.randn([2, n])] }));
  },
});
const backwardCheck = reference({
  name: 'cases',
  points: 2,
  cases: async () => {
    const s = new Seeded(6);
    return [3, 5].map((n) => ({ name: `n = ${n}`, args: [s.randn([2, n]), { Z: s.randn([2, n]), A: s.randn([2, n]) }] }));
  },
});
const def = defineAssignment({
  id: ID,
  title: 'made up',
  exercises: [
    { name: 'step', checks: [stepCheck] },
    { name: 'backward', checks: [backwardCheck] },
  ],
});
const solution = fakeImplementation({ step, backward } as Record<string, (...args: any[]) => Value>);

async function fixtures(mistakes: KnownMistake[] = []) {
  const [pub, hidden] = await Promise.all((['public', 'hidden'] as const).map((v) => generateFixtures(def, solution, mistakes, v, { solutionFile })));
  return { pub: pub!, hidden: hidden!, cases: (key: string) => [...pub!.checks[key]!.cases, ...(hidden!.checks[key]?.cases ?? [])] };
}

async function grade(check: ReferenceCheckDef, exercise: string, cases: FixtureCase[], fn: (...args: any[]) => Value) {
  return runReferenceCheck(check, exercise, cases, fakeContext({ [exercise]: fn }));
}

const SWAP = 'the arguments `x` and `y` are swapped: each is used where the other belongs.';
const ENTRY = '`cache.Z` is read where `cache.A` belongs (a stale or wrong cache entry).';

describe('generated mistakes on a made-up assignment', () => {
  it('records a swap and a wrong cache entry, named after the parameters, in both editions, valid against the schema', async () => {
    const { pub, hidden, cases } = await fixtures();
    for (const [key, hint, kind] of [
      ['step/cases', SWAP, 'swap'],
      ['backward/cases', ENTRY, 'cache-entry'],
    ] as const) {
      for (const c of cases(key)) expect(c.mistakes).toContainEqual(expect.objectContaining({ hint, generated: kind }));
      expect(hidden.checks[key]!.cases.length).toBeGreaterThan(0);
    }
    // The reverse (A read for Z) changes nothing here: backward never reads Z. Nothing recorded for it.
    expect(JSON.stringify(pub)).not.toContain('`cache.A` is read where `cache.Z` belongs');
    const root = mkdtempSync(path.join(dir, 'root-'));
    for (const [variant, f] of [['public', pub], ['hidden', hidden]] as const) {
      mkdirSync(path.dirname(fixturePath(root, ID, variant)), { recursive: true });
      writeFileSync(fixturePath(root, ID, variant), stableJson(f));
      expect(() => loadFixtures(root, ID, variant)).not.toThrow();
    }
  });

  it('names the swap for a learner who swaps, and nothing for a correct or an otherwise wrong learner', async () => {
    const { cases } = await fixtures();
    const swapped = await grade(stepCheck, 'step', cases('step/cases'), (x: NdArray, y: NdArray) => step(y, x));
    expect(swapped.status).toBe('failed');
    expect(swapped.hint).toBe(SWAP);
    const right = await grade(stepCheck, 'step', cases('step/cases'), step);
    expect(right.status).toBe('passed');
    expect(right.hint).toBeUndefined();
    const other = await grade(stepCheck, 'step', cases('step/cases'), (x: NdArray, y: NdArray) => zip(x, y, (a, b) => a - 3 * b));
    expect(other.status).toBe('failed');
    expect(other.hint).not.toBe(SWAP);
  });

  it('names the wrong cache entry for a learner who reads it, and nothing for a correct learner', async () => {
    const { cases } = await fixtures();
    const wrong = await grade(backwardCheck, 'backward', cases('backward/cases'), (dZ: NdArray, c: Cache) => backward(dZ, { ...c, A: c.Z }));
    expect(wrong.hint).toBe(ENTRY);
    const right = await grade(backwardCheck, 'backward', cases('backward/cases'), backward);
    expect(right.status).toBe('passed');
    expect(right.hint).toBeUndefined();
    const squared = await grade(backwardCheck, 'backward', cases('backward/cases'), (dZ: NdArray, c: Cache) => zip(dZ, c.A, (d, a) => d * (1 - a)));
    expect(squared.hint).not.toBe(ENTRY);
  });

  it('lets a hand-written mutant that makes the same mistake keep its own hint', async () => {
    const hand: KnownMistake = { fn: 'step', hint: 'Hand: y − 2x.', impl: fakeImplementation({ step: (x: NdArray, y: NdArray) => step(y, x) }) };
    const { cases } = await fixtures([hand]);
    for (const c of cases('step/cases')) expect(c.mistakes?.map((m) => m.hint)).toEqual(['Hand: y − 2x.']);
    expect((await grade(stepCheck, 'step', cases('step/cases'), (x: NdArray, y: NdArray) => step(y, x))).hint).toBe('Hand: y − 2x.');
  });

  it('does not record a known mistake whose output changes from one run to the next', async () => {
    const noisy: KnownMistake = { fn: 'step', hint: 'Noisy.', impl: fakeImplementation({ step: (x: NdArray, y: NdArray) => zip(step(x, y), x, (a) => a + Math.random()) }) };
    const steady: KnownMistake = { fn: 'step', hint: 'Steady.', impl: fakeImplementation({ step: (x: NdArray, y: NdArray) => zip(step(x, y), x, (a) => a + 1) }) };
    const { cases } = await fixtures([noisy, steady]);
    for (const c of cases('step/cases')) {
      const hints = c.mistakes?.map((m) => m.hint) ?? [];
      expect(hints).toContain('Steady.');
      expect(hints).not.toContain('Noisy.');
    }
  });

  it('says "arguments 1 and 2" without the solution source', async () => {
    const pub = await generateFixtures(def, solution, [], 'public', { solutionFile: path.join(dir, 'missing.ts') });
    expect(pub.checks['step/cases']!.cases[0]!.mistakes?.[0]?.hint).toBe('arguments 1 and 2 are swapped: each is used where the other belongs.');
  });
});

describe('variantsOf', () => {
  const t = (...v: number[]) => nd(v, [v.length]);

  it('replaces a per-layer cache by its neighbour when their shapes agree, and an entry in every layer alike', () => {
    const caches = [
      [t(1, 2), t(3, 4)],
      [t(5, 6), t(7, 8)],
    ];
    const variants = variantsOf([t(0, 0), caches], [{ name: 'dA' }, { name: 'caches' }]);
    const stale = variants.find((v) => v.kind === 'stale-cache' && v.hint.includes('`caches[0]` is used where `caches[1]` belongs'))!;
    expect(stale.args[1]).toEqual([caches[0], caches[0]]);
    const entry = variants.find((v) => v.hint.includes("`caches[i][1]` is read where `caches[i][0]` belongs, in every layer's"))!;
    expect(entry.args[1]).toEqual([
      [t(3, 4), t(3, 4)],
      [t(7, 8), t(7, 8)],
    ]);
    // Not a cache by name: no entry is replaced; two equal values are not swapped.
    expect(variantsOf([t(0, 0), caches], [{ name: 'dA' }, { name: 'layers' }]).filter((v) => v.kind !== 'swap')).toEqual([]);
    expect(variantsOf([t(1, 2), t(1, 2)], [])).toEqual([]);
  });

  it('swaps numbers of one kind only, and no integer that could make a loop endless or very long', () => {
    const hints = (args: Value[]) => variantsOf(args, []).map((v) => v.hint.replace(/ swapped.*/, ''));
    expect(hints([0.1, 0.9])).toEqual(['arguments 1 and 2 are']);
    expect(hints([3, 5])).toEqual(['arguments 1 and 2 are']);
    expect(hints([0.1, 5])).toEqual([]);
    expect(hints([0, 5])).toEqual([]);
    expect(hints([4, 41702])).toEqual([]);
    expect(hints([2, 24])).toEqual([]);
  });

  it('never swaps a seed with anything, whatever its value', () => {
    const named = (names: string[], args: Value[]) => variantsOf(args, names.map((name) => ({ name }))).map((v) => v.hint);
    expect(named(['n', 'seed'], [3, 5])).toEqual([]);
    expect(named(['miniBatchSize', 'randomSeed'], [4, 8])).toEqual([]);
    expect(named(['n', 'm'], [3, 5])).toEqual(['the arguments `n` and `m` are swapped: each is used where the other belongs.']);
  });

  it('shows tuple labels from the solution types', () => {
    const labels = { items: [{ label: 'Z1' }, { label: 'A1' }] };
    const [v] = variantsOf([[t(1, 2), t(3, 4)]], [{ name: 'cache', labels }]);
    expect(v!.hint).toContain('`cache[1]` (A1) is read where `cache[0]` (Z1) belongs');
  });
});

describe('selectGenerated', () => {
  const fail = (...v: number[]): Behaviour => ({ kind: 'fail', output: nd(v, [v.length]) });
  const pass: Behaviour = { kind: 'pass' };
  const known = (hint: string, ...behaviours: Behaviour[]): KnownBehaviour => ({ hint, behaviours, generated: 'swap' });
  const roomy = { maxPerCase: 12, maxBytes: 1e6 };
  const hidden = [false, true];

  it('keeps a mistake the cases tell apart, and drops those no case (or no public case) tells from another', () => {
    const a = known('A', fail(1), fail(2));
    const twinOfA = known('A2', fail(1), fail(2));
    const b = known('B', fail(1), fail(3)); // like A on the public case, unlike it on the hidden one
    const c = known('C', fail(7), fail(8));
    const { kept, dropped } = selectGenerated(hidden, [], [a, twinOfA, b, c], roomy);
    expect(kept.map((k) => k.hint)).toEqual(['C']);
    // A and A2: a learner who makes one would be named the other. B: on the public case alone (the learner edition), A's learner would be named B.
    expect(dropped).toEqual(['A', 'A2', 'B'].map((hint) => ({ hint, reason: 'ambiguous' })));
    // With both cases public, B is told from A.
    expect(selectGenerated([false, false], [], [a, b], roomy).kept.map((k) => k.hint)).toEqual(['A', 'B']);
  });

  it("never takes a hand-written mutant's name away", () => {
    const hand = { hint: 'hand', behaviours: [fail(1), pass] };
    const sameAsHand = known('H', fail(1), pass);
    const unlikeHand = known('G', fail(1), fail(5)); // a learner like the hand mutant passes case 2, where G is recorded
    expect(selectGenerated([false, false], [hand], [sameAsHand, unlikeHand], roomy).kept.map((k) => k.hint)).toEqual(['G']);
    // With case 2 hidden, the learner edition could not tell G from the hand mutant: the hand mutant keeps its name.
    expect(selectGenerated(hidden, [hand], [sameAsHand, unlikeHand], roomy).kept).toEqual([]);
  });

  it('keeps to the per-case cap and the size budget', () => {
    const many = [1, 2, 3].map((v) => known(`M${v}`, fail(v), pass));
    expect(selectGenerated(hidden, [], many, { maxPerCase: 2, maxBytes: 1e6 }).dropped).toEqual([{ hint: 'M3', reason: 'per-case cap' }]);
    expect(selectGenerated(hidden, [], many, { maxPerCase: 12, maxBytes: 150 }).kept.length).toBeLessThan(3);
  });
});

// ------------------------------------------------------------------ a real assignment

describe('course1/week3/planar-classification', () => {
  const REAL = 'course1/week3/planar-classification';
  const sandbox = newSandbox();
  afterAll(() => sandbox.close());

  it('names the wrong cache entry when backwardPropagation reads cache.Z1 for cache.A1, and nothing for the solution', async () => {
    const source = readFileSync(path.join(repoRoot, 'solutions', `${REAL}.ts`), 'utf8').replace(/from '\.\.\/\.\.\/\.\.\//g, `from '${repoRoot}/`);
    const file = path.join(dir, 'planar.ts');
    const wrong = source.replace('const { A1, A2 } = cache;', 'const { Z1: A1, A2 } = cache;');
    expect(wrong).not.toBe(source);
    writeFileSync(file, wrong);
    const r = await gradeFile(sandbox, REAL, file, { only: ['backwardPropagation'], trusted: true });
    const seeded = r.exercises.find((e) => e.name === 'backwardPropagation')!.checks.find((c) => c.name === 'seeded cases')!;
    expect(seeded.status).toBe('failed');
    expect(seeded.hint).toBe('`cache.Z1` is read where `cache.A1` belongs (a stale or wrong cache entry).');
    writeFileSync(file, source);
    const right = await gradeFile(sandbox, REAL, file, { only: ['backwardPropagation'], trusted: true });
    const rightSeeded = right.exercises.find((e) => e.name === 'backwardPropagation')!.checks.find((c) => c.name === 'seeded cases')!;
    expect(rightSeeded.status).toBe('passed');
    expect(rightSeeded.hint).toBeUndefined();
  }, 120_000);
});


describe('hints as the fixtures record them', () => {
  // Every report puts "Likely: " before a hint (templates/report, report/formats.ts): a hint that carried the word
  // itself read "Likely: Likely: …". Generated hints and those of the hand-written mutants alike.
  it('never begin with "Likely", which the reports add', () => {
    const files = execSync('git ls-files "graders/*.fixtures.json" "graders/*.hints.json"', { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(files.length).toBeGreaterThan(20);
    const doubled: string[] = [];
    for (const file of files) {
      for (const [, hint] of readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/"hint": "((?:[^"\\]|\\.)*)"/g)) {
        if (/^likely\b/i.test(hint!)) doubled.push(`${file}: ${hint!.slice(0, 60)}`);
      }
    }
    expect(doubled).toEqual([]);
    expect(variantsOf([0.1, 0.9], []).map((v) => v.hint)).toEqual([expect.stringMatching(/^arguments 1 and 2 are swapped/)]);
  });
});
