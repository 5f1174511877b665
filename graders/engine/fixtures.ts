import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareValues, DEFAULT_TOLERANCE } from './compare';
import type { AssignmentDef, ReferenceCheckDef } from './define';
import { callOrThrow, type Implementation } from './implementation';
import { isNdArray } from './ndarray';
import { assertValid } from './schemas/validate';
import { withSeedOffset } from './seeded';
import { isRecord, type Value } from './values';

/** A known mistake's output on one case: a learner output equal to it earns its hint. */
export interface Mistake {
  hint: string;
  output: Value;
}

export interface FixtureCase {
  name: string;
  /** A hidden case: stored only in the grader edition, its inputs and outputs never shown to the learner. */
  hidden?: true;
  args: Value[];
  expected: Value;
  constants?: Record<string, number>;
  mistakes?: Mistake[];
}

export interface FixtureFile {
  assignment: string;
  generatedBy: string;
  checks: Record<string, { cases: FixtureCase[] }>;
}

/** A mutant (a realistic wrong implementation) used to name mistakes in fixtures. */
export interface KnownMistake {
  fn: string;
  hint: string;
  impl: Implementation;
}

export const GENERATED_BY = 'npm run fixtures (from the reference solution; do not edit by hand)';

/**
 * Public cases ship to learners (feedback while they work); hidden cases stay in
 * the grader edition and decide the official grade together with the public ones.
 */
export type FixtureVariant = 'public' | 'hidden';

export function fixturePath(root: string, assignmentId: string, variant: FixtureVariant = 'public'): string {
  return path.join(root, 'graders', `${assignmentId}.${variant === 'hidden' ? 'hidden.' : ''}fixtures.json`);
}

/** Hidden cases draw their inputs from these seeds on (new Seeded(n) becomes n + offset). */
export const HIDDEN_SEED_OFFSET = 7919;

export function fixtureKey(exercise: string, check: string): string {
  return `${exercise}/${check}`;
}

const loaded = new Map<string, { mtimeMs: number; fixture: FixtureFile }>();

/** Public and hidden cases together, check by check. */
export function withHiddenCases(pub: FixtureFile, hidden: FixtureFile): FixtureFile {
  const checks: FixtureFile['checks'] = {};
  for (const [key, { cases }] of Object.entries(pub.checks)) checks[key] = { cases: [...cases, ...(hidden.checks[key]?.cases ?? [])] };
  return { ...pub, checks };
}

/**
 * Reads and validates an assignment's fixtures; every problem names the file.
 * Kept in memory while the file is unchanged: a class of submissions reads it once.
 */
export function loadFixtures(root: string, assignmentId: string, variant: FixtureVariant = 'public'): FixtureFile {
  const file = fixturePath(root, assignmentId, variant);
  const rel = path.relative(root, file);
  if (!existsSync(file)) throw new Error(`${rel} is missing: run \`npm run fixtures\` to generate it.`);
  const mtimeMs = statSync(file).mtimeMs;
  const cached = loaded.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.fixture;
  const fixture = readFixture(file, rel, assignmentId);
  loaded.set(file, { mtimeMs, fixture });
  return fixture;
}

function readFixture(file: string, rel: string, assignmentId: string): FixtureFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${rel} is not valid JSON: ${(err as Error).message}`);
  }
  assertValid('fixture', data, rel);
  const fixture = data as FixtureFile;
  if (fixture.assignment !== assignmentId) {
    throw new Error(`${rel} belongs to "${fixture.assignment}", not "${assignmentId}".`);
  }
  return fixture;
}

/** The hidden cases where this edition has them (the grader edition), else undefined (the learner edition). */
export function loadHiddenFixtures(root: string, assignmentId: string): FixtureFile | undefined {
  return existsSync(fixturePath(root, assignmentId, 'hidden')) ? loadFixtures(root, assignmentId, 'hidden') : undefined;
}

/** Where the learner edition records how many hidden cases the official grade runs (a count, nothing more). */
export function hiddenCountPath(root: string, assignmentId: string): string {
  return path.join(root, 'graders', `${assignmentId}.hidden-count.json`);
}

/** The number of hidden cases, from the hidden cases themselves or from the learner edition's count; undefined if unknown. */
export function hiddenCaseCount(root: string, assignmentId: string): number | undefined {
  try {
    const hidden = loadHiddenFixtures(root, assignmentId);
    if (hidden) return Object.values(hidden.checks).reduce((n, c) => n + c.cases.length, 0);
    const file = hiddenCountPath(root, assignmentId);
    if (!existsSync(file)) return undefined;
    const count = (JSON.parse(readFileSync(file, 'utf8')) as { hiddenCases?: unknown }).hiddenCases;
    return typeof count === 'number' ? count : undefined;
  } catch {
    return undefined;
  }
}

/** Runs every reference check's cases through the reference solution (and the known mistakes). */
export async function generateFixtures(
  def: AssignmentDef,
  reference: Implementation,
  mistakes: KnownMistake[] = [],
  variant: FixtureVariant = 'public',
): Promise<FixtureFile> {
  const checks: FixtureFile['checks'] = {};
  for (const exercise of def.exercises) {
    for (const check of exercise.checks) {
      if (check.kind !== 'reference') continue;
      const fn = check.fn ?? exercise.name;
      const cases = await buildCases(check, fn, reference, mistakes.filter((m) => m.fn === fn), variant);
      // A check whose cases draw nothing at random has no hidden variant: its public cases are all there is.
      if (cases.length) checks[fixtureKey(exercise.name, check.name)] = { cases };
    }
  }
  return { assignment: def.id, generatedBy: GENERATED_BY, checks };
}

/** The check's cases: as written, or (hidden) drawn from other seeds, keeping only those unlike every public one. */
async function caseInputs(check: ReferenceCheckDef, reference: Implementation, variant: FixtureVariant) {
  const written = await check.cases(reference);
  if (variant === 'public') return written;
  const seen = new Set(written.map((c) => JSON.stringify(canonical(c.args))));
  const drawn = await withSeedOffset(HIDDEN_SEED_OFFSET, () => check.cases(reference));
  return drawn.filter((c) => !seen.has(JSON.stringify(canonical(c.args))));
}

async function buildCases(check: ReferenceCheckDef, fn: string, reference: Implementation, mistakes: KnownMistake[], variant: FixtureVariant) {
  const cases: FixtureCase[] = [];
  const tolerance = { ...DEFAULT_TOLERANCE, ...check.tolerance };
  for (const c of await caseInputs(check, reference, variant)) {
    const args = canonical(c.args) as Value[];
    const expected = canonical(await callOrThrow(reference, fn, args));
    const found: Mistake[] = [];
    for (const m of mistakes) {
      const outcome = await m.impl.call(fn, args);
      if (outcome.status !== 'ok') continue;
      const output = canonical(outcome.value);
      // Only a mistake that fails this case (at the check's own tolerance, as grading will judge it) can be
      // recognised by it; one that diverges (NaN, Infinity) is recognised by the not-finite diagnosis
      // instead, and JSON cannot hold it.
      if (compareValues(expected, output, tolerance) !== null && allFinite(outcome.value) && !found.some((f) => f.hint === m.hint)) {
        found.push({ hint: m.hint, output });
      }
    }
    cases.push({
      name: c.name,
      ...(variant === 'hidden' ? { hidden: true as const } : {}),
      args,
      expected,
      ...(c.constants ? { constants: c.constants } : {}),
      ...(found.length ? { mistakes: found } : {}),
    });
  }
  return cases;
}

/**
 * Fixture form of a value: float32 numbers with 9 significant digits (enough to
 * round-trip a float32), undefined as null, so the JSON is stable and compact.
 */
export function canonical(v: Value): Value {
  if (isNdArray(v)) {
    const data = v.dtype === 'float32' ? v.data.map((x) => Number(Math.fround(x).toPrecision(9))) : [...v.data];
    return { kind: 'ndarray', shape: [...v.shape], dtype: v.dtype, data };
  }
  if (Array.isArray(v)) return v.map(canonical);
  if (v === undefined) return null;
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canonical(x)]));
  return v;
}

/**
 * Differences between the fixtures on disk and freshly generated ones. Values are
 * compared with a tolerance far tighter than grading's, so only a real change
 * (new cases, a changed solution) counts as stale.
 */
export function staleness(onDisk: FixtureFile, fresh: FixtureFile): string[] {
  const problems: string[] = [];
  const tight = { rtol: 1e-6, atol: 1e-9 };
  const keys = new Set([...Object.keys(onDisk.checks), ...Object.keys(fresh.checks)]);
  for (const key of keys) {
    const a = onDisk.checks[key];
    const b = fresh.checks[key];
    if (!a || !b) {
      problems.push(`${key}: ${a ? 'no longer generated' : 'missing from the file'}`);
      continue;
    }
    if (a.cases.length !== b.cases.length) problems.push(`${key}: ${a.cases.length} cases on disk, ${b.cases.length} generated`);
    a.cases.forEach((ca, i) => {
      const cb = b.cases[i];
      if (!cb) return;
      if (ca.name !== cb.name) problems.push(`${key}: case ${i} is "${ca.name}" on disk, "${cb.name}" generated`);
      const args = compareValues(cb.args, ca.args, tight, {}, 'args');
      const expected = compareValues(cb.expected, ca.expected, tight, {}, 'expected');
      const hints = (c: FixtureCase) => (c.mistakes ?? []).map((m) => m.hint).join(' | ');
      if (args) problems.push(`${key} "${ca.name}": ${args.message}`);
      if (expected) problems.push(`${key} "${ca.name}": ${expected.message}`);
      if (hints(ca) !== hints(cb)) problems.push(`${key} "${ca.name}": the known mistakes changed`);
    });
  }
  return problems;
}

/** Every number in the value is finite (NaN and ±Infinity cannot be stored in JSON fixtures). */
export function allFinite(v: Value): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (isNdArray(v)) return v.data.every(Number.isFinite);
  if (Array.isArray(v)) return v.every(allFinite);
  if (isRecord(v)) return Object.values(v).every(allFinite);
  return true;
}
