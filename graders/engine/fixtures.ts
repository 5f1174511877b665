import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareValues, DEFAULT_TOLERANCE, type CaseConstants } from './compare';
import type { AssignmentDef, CheckContext, ReferenceCheckDef } from './define';
import { literalDefaults, type ParamDefault } from './checks/defaults';
import { callOrThrow, type Implementation } from './implementation';
import type { GeneratedKind } from './generated-mistakes';
import type { Behaviour, KnownBehaviour, SelectionLimits } from './mistake-selection';
import { isNdArray, nd } from './ndarray';
import { repoRoot } from './paths';
import { assertValid } from './schemas/validate';
import { withSeedOffset } from './seeded';
import { isRecord, type Value } from './values';
import { inProcessImplementation, loadTf, onSandboxBackend } from './in-process';
import { referenceCosts } from './checks/gradient';
import { gradientCheckSeed } from './seed';
import { hiddenSeedOffset } from './hidden-seed';
import { patchedMutantDir, writeSolutionVariant } from './mutants';

/** A known mistake's output on one case: a learner output equal to it earns its hint. */
export interface Mistake {
  hint: string;
  output: Value;
  /** Derived by the grader from the case's arguments (generated-mistakes.ts), not from a hand-written mutant. */
  generated?: GeneratedKind;
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
  /** Each exercise function's literal defaults, as the reference solution's signature gives them (checks/defaults.ts). */
  defaults?: Record<string, ParamDefault[]>;
  /**
   * Each gradient check's reference costs (keyed like checks): at the check point, then at its probe points
   * (checks/gradient.ts, referenceCosts). The point is public, so they are too.
   */
  gradientCosts?: Record<string, number[]>;
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

export interface GenerationOptions {
  /**
   * The reference solution's source, for parameter names in generated hints
   * (default: solutions/<id>.ts). Without it hints say "arguments 1 and 2".
   */
  solutionFile?: string;
  /** Derive mistakes from the cases' arguments (generated-mistakes.ts) and the solution's source (order-mistakes.ts); default true. */
  generate?: boolean;
  /** Where the solution's derived variants are written (default .deepgrade/mutants/<id>/). */
  variantDir?: string;
}

/** Runs every reference check's cases through the reference solution (and the known mistakes). */
export async function generateFixtures(
  def: AssignmentDef,
  reference: Implementation,
  mistakes: KnownMistake[] = [],
  variant: FixtureVariant = 'public',
  options: GenerationOptions = {},
): Promise<FixtureFile> {
  // Computed as the sandbox computes: a stored mistake's output is what a learner making it returns.
  return onSandboxBackend(() => generateOnCurrentBackend(def, reference, mistakes, variant, options));
}

async function generateOnCurrentBackend(
  def: AssignmentDef,
  reference: Implementation,
  mistakes: KnownMistake[],
  variant: FixtureVariant,
  options: GenerationOptions,
): Promise<FixtureFile> {
  const checks: FixtureFile['checks'] = {};
  const solutionFile = options.solutionFile ?? path.join(repoRoot, 'solutions', `${def.id}.ts`);
  const variantDir = options.variantDir ?? patchedMutantDir(repoRoot, def.id);
  for (const exercise of def.exercises) {
    for (const check of exercise.checks) {
      if (check.kind !== 'reference') continue;
      const fn = check.fn ?? exercise.name;
      const both = await bothVariants(check, fn, reference, mistakes.filter((m) => m.fn === fn), { ...options, solutionFile, variantDir }, variant);
      const cases = both.filter((c) => (variant === 'hidden') === !!c.hidden);
      // A check whose cases draw nothing at random has no hidden variant: its public cases are all there is.
      if (cases.length) checks[fixtureKey(exercise.name, check.name)] = { cases };
    }
  }
  if (variant === 'hidden') return { assignment: def.id, generatedBy: GENERATED_BY, checks };
  const defaults: Record<string, ParamDefault[]> = {};
  for (const exercise of def.exercises) {
    const source = await reference.call(exercise.name, [], { signatureOnly: true });
    const found = source.status === 'ok' && typeof source.value === 'string' ? literalDefaults(source.value) : [];
    if (found.length) defaults[exercise.name] = found;
  }
  const gradientCosts = await gradientReferenceCosts(def, reference);
  return {
    assignment: def.id,
    generatedBy: GENERATED_BY,
    checks,
    ...(Object.keys(defaults).length ? { defaults } : {}),
    ...(Object.keys(gradientCosts).length ? { gradientCosts } : {}),
  };
}

/** The reference solution's costs at every gradient check's probe points; a check whose costs are not all finite gets none (and judges by the learner's). */
async function gradientReferenceCosts(def: AssignmentDef, reference: Implementation): Promise<Record<string, number[]>> {
  const ctx: CheckContext = { learner: reference, tf: loadTf, call: (fn, args) => callOrThrow(reference, fn, args) };
  const found: Record<string, number[]> = {};
  for (const exercise of def.exercises) {
    for (const check of exercise.checks) {
      if (check.kind !== 'gradient') continue;
      const costs = await referenceCosts(check, ctx, gradientCheckSeed(def.id, exercise.name, check.name));
      if (costs.every(Number.isFinite)) found[fixtureKey(exercise.name, check.name)] = costs;
    }
  }
  return found;
}

/**
 * Public and hidden cases are built together: which generated mistakes a check keeps is decided on
 * both at once (grading sees them together), so both files must come from one decision. The other
 * variant's cases wait here for its own request (writing or checking the two files costs one run);
 * a variant asked for again is built afresh, so a changed solution is seen.
 */
const built = new WeakMap<ReferenceCheckDef, Map<string, { cases: Promise<FixtureCase[]>; served: Set<FixtureVariant> }>>();

function bothVariants(
  check: ReferenceCheckDef,
  fn: string,
  reference: Implementation,
  mistakes: KnownMistake[],
  options: GenerationOptions,
  variant: FixtureVariant,
): Promise<FixtureCase[]> {
  const key = JSON.stringify([fn, reference.label, mistakes.map((m) => [m.hint, m.impl.label]), options]);
  let byKey = built.get(check);
  if (!byKey) built.set(check, (byKey = new Map()));
  let entry = byKey.get(key);
  if (!entry || entry.served.has(variant)) {
    entry = { cases: buildCases(check, fn, reference, mistakes, options), served: new Set() };
    byKey.set(key, entry);
  }
  entry.served.add(variant);
  if (entry.served.size === 2) byKey.delete(key);
  return entry.cases;
}

/** The check's cases: as written (public), and drawn from other seeds (hidden), keeping only those unlike every public one. */
async function caseInputs(check: ReferenceCheckDef, reference: Implementation) {
  const written = await check.cases(reference);
  const seen = new Set(written.map((c) => JSON.stringify(canonical(c.args))));
  // new Seeded(n) becomes n + a secret offset (hidden-seed.ts).
  const drawn = await withSeedOffset(hiddenSeedOffset(repoRoot), () => check.cases(reference));
  return [...written.map((c) => ({ ...c, hidden: false })), ...drawn.filter((c) => !seen.has(JSON.stringify(canonical(c.args)))).map((c) => ({ ...c, hidden: true }))];
}

async function buildCases(check: ReferenceCheckDef, fn: string, reference: Implementation, mistakes: KnownMistake[], options: GenerationOptions): Promise<FixtureCase[]> {
  const tolerance = { ...DEFAULT_TOLERANCE, ...check.tolerance };
  const inputs = await caseInputs(check, reference);
  const cases: { args: Value[]; expected: Value; constants: CaseConstants }[] = [];
  // As grading judges it (the check's own tolerance, exact types). Only a failing, finite output can be
  // recognised; one that diverges (NaN, Infinity) is recognised by the not-finite diagnosis instead, and
  // JSON cannot hold it.
  const behaviour = async (args: Value[], i: number, impl: Implementation): Promise<Behaviour> => {
    const outcome = await impl.call(fn, args);
    if (outcome.status !== 'ok') return { kind: 'silent' };
    const output = canonical(outcome.value);
    const c = cases[i]!;
    if (compareValues(c.expected, output, tolerance, c.constants, fn, true) === null) return { kind: 'pass' };
    return allFinite(output) ? { kind: 'fail', output } : { kind: 'silent' };
  };
  const hand: KnownBehaviour[] = mistakes.map((m) => ({ hint: m.hint, behaviours: [] }));
  for (const [i, c] of inputs.entries()) {
    const args = canonical(c.args) as Value[];
    const expected = canonical(await callOrThrow(reference, fn, args));
    cases.push({ args, expected, constants: c.constants ?? {} });
    // Each mutant right after the reference, case by case: a mutant that forgets to seed a shared
    // generator (np.random) gives what it gives after the reference's own call, as it always has.
    const first: Behaviour[] = [];
    for (const m of mistakes) first.push(await behaviour(args, i, m.impl));
    if (!mistakes.length) continue;
    // The same calls again, in the same order: an output that differs (unseeded randomness, such as dropout
    // left on at inference) is no output a learner could ever match, so it is not recorded.
    await callOrThrow(reference, fn, args);
    for (const [k, m] of mistakes.entries()) {
      const again = await behaviour(args, i, m.impl);
      hand[k]!.behaviours.push(JSON.stringify(again) === JSON.stringify(first[k]) ? first[k]! : { kind: 'silent' });
    }
  }
  const hidden = inputs.map((c) => c.hidden);
  const generated = options.generate === false ? [] : await generatedBehaviours(cases, fn, options, reference, behaviour);
  const { selectGenerated } = await import('./mistake-selection');
  const { kept } = selectGenerated(hidden, hand, generated, limitsFor(cases));
  return inputs.map((c, i) => {
    const found: Mistake[] = [];
    for (const k of [...hand, ...kept]) {
      const b = k.behaviours[i]!;
      if (b.kind === 'fail' && !found.some((f) => f.hint === k.hint)) found.push({ hint: k.hint, output: b.output, ...(k.generated ? { generated: k.generated } : {}) });
    }
    return {
      name: c.name,
      ...(c.hidden ? { hidden: true as const } : {}),
      args: cases[i]!.args,
      expected: cases[i]!.expected,
      ...(c.constants ? { constants: c.constants } : {}),
      ...(found.length ? { mistakes: found } : {}),
    };
  });
}

/**
 * At most this many generated candidates are run per check (the most plausible first). A count, not a
 * time budget: which mistakes fixtures keep must not depend on how busy the machine was.
 */
const MAX_CANDIDATES = 24;
/** Generated records: at most 12 on any case, and at most 3 times the size of the check's own cases (4 kB for tiny checks). */
const GENERATED_LIMITS = { maxPerCase: 12, bytesRatio: 3, minBytes: 4_000 };

/** Generated records may add this much to a check's fixtures: a share of its cases' own size, with a floor for tiny checks. */
function limitsFor(cases: { args: Value[]; expected: Value }[]): SelectionLimits {
  const base = cases.reduce((n, c) => n + JSON.stringify(c.args).length + JSON.stringify(c.expected).length, 0);
  return { maxPerCase: GENERATED_LIMITS.maxPerCase, maxBytes: Math.max(GENERATED_LIMITS.minBytes, GENERATED_LIMITS.bytesRatio * base) };
}

/** Every generated candidate's behaviour on every case: argument-derived ones most plausible first, then source-derived ones. */
async function generatedBehaviours(
  cases: { args: Value[] }[],
  fn: string,
  { solutionFile, variantDir }: GenerationOptions,
  reference: Implementation,
  behaviour: (args: Value[], i: number, impl: Implementation) => Promise<Behaviour>,
): Promise<KnownBehaviour[]> {
  const { variantsOf } = await import('./generated-mistakes');
  const { exportedParams } = await import('./param-names');
  const solution = solutionFile && existsSync(solutionFile) ? solutionFile : undefined;
  const params = (solution ? exportedParams(solution).get(fn) : undefined) ?? [];
  const byHint = new Map<string, { kind: GeneratedKind; priority: number[]; args: Map<number, Value[]> }>();
  cases.forEach((c, i) => {
    for (const v of variantsOf(c.args, params)) {
      const seen = byHint.get(v.hint) ?? { kind: v.kind, priority: v.priority, args: new Map() };
      if (!seen.args.has(i)) seen.args.set(i, v.args);
      byHint.set(v.hint, seen);
    }
  });
  const candidates = [...byHint.entries()].sort(([, a], [, b]) => lexCompare(a.priority, b.priority)).slice(0, MAX_CANDIDATES);
  const out: KnownBehaviour[] = [];
  for (const [hint, c] of candidates) {
    // Where the transformation does not apply (shapes differ in this case), a learner making it leaves no trace we know.
    const behaviours = await inTurn(cases.map((_, i) => () => (c.args.has(i) ? behaviour(c.args.get(i)!, i, reference) : Promise.resolve<Behaviour>({ kind: 'silent' }))));
    out.push({ hint, behaviours, generated: c.kind });
  }
  if (solution && variantDir) {
    const { orderVariants } = await import('./order-mistakes');
    for (const [k, v] of orderVariants(readFileSync(solution, 'utf8'), fn).entries()) {
      const file = await writeSolutionVariant(solution, v.source, path.join(variantDir, `order-${fn}-${k}.ts`));
      const impl = inProcessImplementation(file, `the solution with one change: ${v.hint}`);
      out.push({ hint: v.hint, behaviours: await inTurn(cases.map((c, i) => () => behaviour(c.args, i, impl))), generated: 'order' });
    }
  }
  return out;
}

/** Runs calls one after another: reference code may await, and TensorFlow.js scopes must not interleave. */
async function inTurn<T>(calls: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  for (const call of calls) out.push(await call());
  return out;
}

function lexCompare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
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
  const costKeys = new Set([...Object.keys(onDisk.gradientCosts ?? {}), ...Object.keys(fresh.gradientCosts ?? {})]);
  for (const key of costKeys) {
    const a = onDisk.gradientCosts?.[key];
    const b = fresh.gradientCosts?.[key];
    if (!a || !b) problems.push(`${key}: reference costs ${a ? 'no longer generated' : 'missing from the file'}`);
    else if (a.length !== b.length) problems.push(`${key}: ${a.length} reference costs on disk, ${b.length} generated`);
    else {
      const costs = compareValues(nd(b, [b.length]), nd(a, [a.length]), tight, {}, 'reference costs');
      if (costs) problems.push(`${key}: ${costs.message}`);
    }
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
