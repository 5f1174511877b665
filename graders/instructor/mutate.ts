/**
 * `npm run validate -- <selector> --mutate`: automatic mutation testing of the
 * graders. Each graded function of the reference solution is mutated one change
 * at a time (see mutate-operators.ts); each mutant is graded with the
 * assignment's grader, that function alone, in the sandbox. A mutant is killed
 * when the function loses points (a failed check, an error, a time-out). A
 * mutant that keeps full marks is checked for numerical equivalence with the
 * reference on the stored reference-case inputs and random perturbations of
 * them: equal outputs everywhere make it "likely equivalent", excluded from the
 * score. Score = killed / (killed + survived).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type ts from 'typescript';
import type { AssignmentDef } from '../engine/define';
import { fixtureKey, loadFixtures, loadHiddenFixtures, type FixtureFile } from '../engine/fixtures';
import { gradeAssignment } from '../engine/grade';
import type { CallOutcome } from '../engine/implementation';
import { isNdArray, nd, type NdArray } from '../engine/ndarray';
import { isQuiz } from '../engine/quiz/load';
import { assignmentFiles, loadGrader } from '../engine/registry';
import type { ExerciseResult } from '../engine/report/model';
import { buildModule } from '../engine/sandbox/build';
import type { Sandbox } from '../engine/sandbox/client';
import { isOpaque, isRecord, type Value } from '../engine/values';
import { mulberry32 } from '../engine/mulberry32';
import {
  DEFAULT_LIMIT,
  generateMutations,
  relocatedSource,
  type Mutation,
  type Operator,
} from './mutate-operators';

export { DEFAULT_LIMIT, OPERATORS, OPERATOR_NOTES, createSolutionProgram, generateMutations, type Mutation, type Operator } from './mutate-operators';

/** The grading seed: validate's first seed. */
export const MUTATE_SEED = 4242;

export type MutantStatus = 'killed' | 'survived' | 'equivalent' | 'invalid';

export interface MutantOutcome {
  id: string;
  fn: string;
  operator: Operator;
  line: number;
  description: string;
  diff: string;
  status: MutantStatus;
  /** Killed: the checks that failed; survived: where it differs from the reference; equivalent: on how many inputs it agreed. */
  detail: string;
  ms: number;
}

export interface FunctionMutationScore {
  fn: string;
  /** Candidates before the cap, and mutants graded. */
  candidates: number;
  generated: number;
  killed: number;
  survived: number;
  equivalent: number;
  invalid: number;
  score?: number;
  /** Why this function's mutants were not graded, if they were not. */
  skipped?: string;
}

export interface AssignmentMutation {
  id: string;
  limit: number;
  seed: number;
  functions: FunctionMutationScore[];
  mutants: MutantOutcome[];
  generated: number;
  killed: number;
  survived: number;
  equivalent: number;
  invalid: number;
  /** killed / (killed + survived); undefined when nothing could be scored. */
  score?: number;
  problems: string[];
  ms: number;
}

export interface EquivalenceOptions {
  /** Reference cases used at most, per function (default 12). */
  maxCases?: number;
  /** Random perturbations of each case (default 2). */
  perturbations?: number;
  /** Reference time spent at most on building the inputs, per function (default 30 s). */
  budgetMs?: number;
}

export interface MutateOptions {
  /** At most this many mutants per function (default 40; 0 = all). */
  limit?: number;
  /** Only these functions (default every graded function). */
  fns?: string[];
  operators?: readonly Operator[];
  seed?: number;
  /** A type-checker program holding the solution (sharing one across assignments saves seconds each). */
  program?: ts.Program;
  /** Mutations to grade besides (or, with limit -1, instead of) the generated ones: tests hand-make some. */
  extra?: Mutation[];
  equivalence?: EquivalenceOptions;
  /** Where the mutants are written (default .deepgrade/mutate/<id>; emptied first). */
  dir?: string;
  /** Told as each mutant is graded. */
  onMutant?: (outcome: MutantOutcome, index: number, total: number) => void;
}

export function mutationScore(killed: number, survived: number): number | undefined {
  return killed + survived === 0 ? undefined : killed / (killed + survived);
}

/** Where an assignment's mutants are written. */
export function mutateDir(root: string, id: string): string {
  return path.join(root, '.deepgrade', 'mutate', id);
}

export async function mutateAssignment(root: string, id: string, sandbox: Sandbox, options: MutateOptions = {}): Promise<AssignmentMutation> {
  const started = Date.now();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const seed = options.seed ?? MUTATE_SEED;
  const result: AssignmentMutation = { id, limit, seed, functions: [], mutants: [], generated: 0, killed: 0, survived: 0, equivalent: 0, invalid: 0, problems: [], ms: 0 };
  const finish = () => {
    for (const f of result.functions) {
      result.generated += f.generated;
      result.killed += f.killed;
      result.survived += f.survived;
      result.equivalent += f.equivalent;
      result.invalid += f.invalid;
    }
    result.score = mutationScore(result.killed, result.survived);
    result.ms = Date.now() - started;
    return result;
  };
  if (isQuiz(root, id)) {
    result.problems.push('a quiz: no code to mutate');
    return finish();
  }
  const def = await loadGrader(root, id);
  const files = assignmentFiles(root, id);
  const fns = def.exercises.map((e) => e.name).filter((n) => !options.fns || options.fns.includes(n));
  const generated =
    limit < 0
      ? fns.map((fn) => ({ fn, candidates: 0, mutations: [] as Mutation[] }))
      : generateMutations(files.solution, fns, { limit, operators: options.operators, program: options.program, displayName: path.relative(root, files.solution) });
  for (const m of options.extra ?? []) generated.find((g) => g.fn === m.fn)?.mutations.push(m);

  const dir = options.dir ?? mutateDir(root, id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const solutionSource = readFileSync(files.solution, 'utf8');
  const equivalence = new EquivalenceChecker(root, id, def, dir, sandbox, files.solution, fns, options.equivalence ?? {});
  const total = generated.reduce((n, g) => n + g.mutations.length, 0);
  let index = 0;

  for (const g of generated) {
    const score: FunctionMutationScore = { fn: g.fn, candidates: g.candidates, generated: 0, killed: 0, survived: 0, equivalent: 0, invalid: 0 };
    result.functions.push(score);
    if (!g.mutations.length) continue;
    // The reference must score full marks on this function alone, or no mutant verdict means anything.
    const refStarted = Date.now();
    const ref = await gradeAssignment(def, { root, seed, sandbox, learnerFile: files.solution, only: [g.fn], trusted: true });
    const refMs = Date.now() - refStarted;
    const refEx = ref.exercises.find((e) => e.name === g.fn);
    if (!refEx || refEx.score < refEx.maxScore) {
      score.skipped = `the reference solution does not score full marks on ${g.fn} alone (${refEx ? failing(refEx) : 'not graded'})`;
      result.problems.push(score.skipped);
      continue;
    }
    // A mutant may loop or crawl: its whole grading gets a budget from the reference's time.
    const budgetSeconds = Math.max(30, Math.ceil((refMs * 5) / 1000) + 10);
    for (const m of g.mutations) {
      index++;
      const mStarted = Date.now();
      const file = path.join(dir, `${m.id.replace('#', '-')}.ts`);
      writeFileSync(file, relocatedSource(solutionSource, files.solution, dir, m));
      sandbox.setBudget(budgetSeconds);
      let graded: ExerciseResult | undefined;
      try {
        const r = await gradeAssignment(def, { root, seed, sandbox, learnerFile: file, only: [g.fn], trusted: true });
        graded = r.exercises.find((e) => e.name === g.fn);
      } finally {
        sandbox.setBudget(undefined);
      }
      const base = { id: m.id, fn: m.fn, operator: m.operator, line: m.line, description: m.description, diff: m.diff };
      let outcome: MutantOutcome;
      const compileError = graded?.checks.find((c) => c.status === 'error' && /does not compile/.test(c.message));
      if (!graded) outcome = { ...base, status: 'invalid', detail: 'not graded', ms: 0 };
      else if (compileError) outcome = { ...base, status: 'invalid', detail: `does not compile: ${compileError.message.split('\n')[1] ?? ''}`.trim(), ms: 0 };
      else if (graded.score < graded.maxScore) outcome = { ...base, status: 'killed', detail: failing(graded), ms: 0 };
      else {
        const eq = await equivalence.check(g.fn, file);
        outcome = { ...base, status: eq.equivalent ? 'equivalent' : 'survived', detail: eq.detail, ms: 0 };
      }
      outcome.ms = Date.now() - mStarted;
      score.generated++;
      score[outcome.status]++;
      result.mutants.push(outcome);
      options.onMutant?.(outcome, index, total);
    }
    score.score = mutationScore(score.killed, score.survived);
  }
  const done = finish();
  writeFileSync(path.join(dir, 'report.json'), JSON.stringify(done, null, 2) + '\n');
  return done;
}

function failing(e: ExerciseResult): string {
  const lost = e.checks.filter((c) => c.score < c.maxScore);
  return lost.map((c) => `${c.name} (${c.status}${c.status === 'failed' && c.maxScore ? `, ${round(c.score)}/${c.maxScore}` : ''})`).join(', ') || 'no check lost points';
}

const round = (x: number) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------
// Numerical equivalence

interface EqInput {
  name: string;
  args: Value[];
  expected: Value;
  ms: number;
}

/**
 * Runs survivors and the reference on the same inputs in the sandbox: each
 * function's reference-case inputs (public and hidden) and random perturbations
 * of them. np's generator is reseeded before every call of either, so functions
 * that draw from it compare like for like; an input on which the reference
 * itself gives two different answers (tf's own random ops) is dropped.
 */
class EquivalenceChecker {
  private readonly inputs = new Map<string, Promise<{ inputs: EqInput[]; note: string }>>();
  private referenceModule?: Promise<string | { error: string }>;

  constructor(
    private readonly root: string,
    private readonly id: string,
    private readonly def: AssignmentDef,
    private readonly dir: string,
    private readonly sandbox: Sandbox,
    private readonly solution: string,
    private readonly fns: string[],
    private readonly options: EquivalenceOptions,
  ) {}

  async check(fn: string, mutantFile: string): Promise<{ equivalent: boolean; detail: string }> {
    const { inputs, note } = await this.inputsFor(fn);
    if (!inputs.length) return { equivalent: false, detail: `not compared with the reference: ${note}` };
    const module = await this.harness(mutantFile, `eq-${path.basename(mutantFile)}`);
    if (typeof module !== 'string') return { equivalent: false, detail: `not compared: ${module.error}` };
    for (const input of inputs) {
      const outcome = await this.sandbox.call(module, fn, input.args, { timeoutMs: Math.max(5000, input.ms * 5) });
      if (outcome.status !== 'ok') return { equivalent: false, detail: `on ${input.name} it ${describeOutcome(outcome)}, where the reference returns a value` };
      const diff = tightDifference(input.expected, outcome.value);
      if (diff) return { equivalent: false, detail: `differs from the reference on ${input.name}: ${diff}` };
    }
    return { equivalent: true, detail: `equal to the reference on ${inputs.length} input${inputs.length > 1 ? 's' : ''} (${note})` };
  }

  private inputsFor(fn: string) {
    let p = this.inputs.get(fn);
    if (!p) {
      p = this.buildInputs(fn);
      this.inputs.set(fn, p);
    }
    return p;
  }

  private async buildInputs(fn: string): Promise<{ inputs: EqInput[]; note: string }> {
    const base = referenceInputs(this.root, this.id, this.def, fn).slice(0, this.options.maxCases ?? 12);
    if (!base.length) return { inputs: [], note: `${fn} has no reference cases` };
    this.referenceModule ??= this.harness(this.solution, 'eq-reference.ts');
    const module = await this.referenceModule;
    if (typeof module !== 'string') return { inputs: [], note: module.error };
    const perturbations = this.options.perturbations ?? 2;
    const candidates: { name: string; args: Value[] }[] = [...base];
    for (let p = 1; p <= perturbations; p++) {
      base.forEach((c, i) => candidates.push({ name: `${c.name} (perturbed #${p})`, args: perturb(c.args, rng(hash(`${this.id}/${fn}/${i}/${p}`))) }));
    }
    const budget = this.options.budgetMs ?? 30_000;
    const started = Date.now();
    const inputs: EqInput[] = [];
    let dropped = 0;
    for (const c of candidates) {
      if (inputs.length && Date.now() - started > budget) break;
      const t0 = Date.now();
      const first = await this.sandbox.call(module, fn, c.args, { timeoutMs: 30_000 });
      const ms = Date.now() - t0;
      if (first.status !== 'ok') {
        dropped++;
        continue;
      }
      const again = await this.sandbox.call(module, fn, c.args, { timeoutMs: 30_000 });
      if (again.status !== 'ok' || tightDifference(first.value, again.value)) {
        dropped++; // the reference is not deterministic here
        continue;
      }
      inputs.push({ name: c.name, args: c.args, expected: first.value, ms });
    }
    const nBase = inputs.filter((i) => !i.name.includes('(perturbed')).length;
    const note = `${nBase} reference case${nBase === 1 ? '' : 's'}, ${inputs.length - nBase} perturbed${dropped ? `; ${dropped} input(s) where the reference failed or was not deterministic left out` : ''}`;
    return { inputs, note: inputs.length ? note : `no input on which the reference runs deterministically (${dropped} tried)` };
  }

  /** A module exporting the graded functions of `file`, each reseeding np first. */
  private async harness(file: string, name: string): Promise<string | { error: string }> {
    const harness = path.join(this.dir, name.endsWith('.ts') ? name : `${name}.ts`);
    const rel = (f: string) => {
      const r = path.relative(this.dir, f).split(path.sep).join('/').replace(/\.ts$/, '');
      return r.startsWith('.') ? r : `./${r}`;
    };
    const npFile = path.join(this.root, 'lib', 'np-random.ts');
    const hasNp = existsSync(npFile);
    const lines = [
      `// Generated by npm run validate -- --mutate: ${path.basename(file)} with np reseeded before every call.`,
      `import * as impl from ${JSON.stringify(rel(file))};`,
      hasNp ? `import { np } from ${JSON.stringify(rel(npFile))};` : '',
      `const table = impl as unknown as Record<string, (...args: unknown[]) => unknown>;`,
      `const call = (fn: string, args: unknown[]) => {`,
      hasNp ? `  np.random.seed(0);` : '',
      `  return table[fn]!(...args);`,
      `};`,
      ...this.fns.map((fn) => `export function ${fn}(...args: unknown[]): unknown {\n  return call(${JSON.stringify(fn)}, args);\n}`),
      '',
    ];
    writeFileSync(harness, lines.filter((l) => l !== '').join('\n') + '\n');
    const built = await buildModule(harness, this.root);
    if (!built.ok) return { error: `its harness does not build: ${built.message.split('\n')[0]}` };
    return this.sandbox.install(built);
  }
}

function describeOutcome(o: CallOutcome): string {
  switch (o.status) {
    case 'threw':
      return `throws (${o.message.split('\n')[0]?.slice(0, 80)})`;
    case 'timeout':
      return 'runs past its time limit';
    default:
      return o.status;
  }
}

/** The stored reference-case inputs of fn (public, then hidden), without repeats. */
export function referenceInputs(root: string, id: string, def: AssignmentDef, fn: string): { name: string; args: Value[] }[] {
  const files: FixtureFile[] = [];
  try {
    files.push(loadFixtures(root, id));
    const hidden = loadHiddenFixtures(root, id);
    if (hidden) files.push(hidden);
  } catch {
    return [];
  }
  const seen = new Set<string>();
  const out: { name: string; args: Value[] }[] = [];
  for (const f of files) {
    for (const e of def.exercises) {
      for (const c of e.checks) {
        if (c.kind !== 'reference' || (c.fn ?? e.name) !== fn) continue;
        for (const k of f.checks[fixtureKey(e.name, c.name)]?.cases ?? []) {
          const key = JSON.stringify(k.args);
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ name: `${c.name} / ${k.name}${k.hidden || f !== files[0] ? ' (hidden)' : ''}`, args: k.args });
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Perturbations and comparison

/** A small seeded generator (perturbations are the same every run). */
export const rng = mulberry32;

export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The same structure with other values: the same shapes and dtypes; integers
 * (integer-valued tensors, counts, sizes, seeds) unchanged; values in [0, 1]
 * (probabilities, masks) raised to a random power in [0.5, 2], staying in [0, 1];
 * other floats scaled by random factors in [0.5, 2] plus a little noise.
 */
export function perturb(args: Value[], random: () => number): Value[] {
  const factor = () => Math.pow(2, 2 * random() - 1); // in [0.5, 2], as often below 1 as above
  const one = (v: Value): Value => {
    if (isNdArray(v)) {
      if (v.dtype !== 'float32' || v.data.every((x) => Number.isInteger(x))) return v;
      const unit = v.data.every((x) => x >= 0 && x <= 1);
      const scale = v.data.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      const data = v.data.map((x) => (unit ? Math.pow(x, factor()) : x * factor() + (random() - 0.5) * 2e-3 * scale));
      return nd(data, v.shape, v.dtype);
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Number.isInteger(v)) return v;
      return v > 0 && v < 1 ? Math.pow(v, factor()) : v * factor();
    }
    if (Array.isArray(v)) return v.map(one);
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, one(x)]));
    return v;
  };
  return args.map(one);
}

/**
 * Where two outputs differ beyond float32 rounding (undefined when they agree):
 * |a − b| ≤ 1e-5·max(|a|, |b|) + 1e-6·(the largest magnitude) + 1e-7, NaN equal
 * to NaN; a scalar equals a one-element tensor of the same value.
 */
export function tightDifference(expected: Value, actual: Value, where = 'output'): string | undefined {
  const scalar = (v: Value): number | undefined =>
    typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : isNdArray(v) && v.data.length === 1 ? v.data[0] : undefined;
  const close = (a: number, b: number, scale: number) =>
    (Number.isNaN(a) && Number.isNaN(b)) || a === b || Math.abs(a - b) <= 1e-5 * Math.max(Math.abs(a), Math.abs(b)) + 1e-6 * scale + 1e-7;
  const se = scalar(expected);
  const sa = scalar(actual);
  if (se !== undefined && sa !== undefined && (isNdArray(expected) || isNdArray(actual) || typeof expected === typeof actual)) {
    return close(se, sa, Math.abs(se)) ? undefined : `${where} is ${sa}, not ${se}`;
  }
  if (isNdArray(expected)) {
    if (!isNdArray(actual)) return `${where} is not a tensor`;
    if (expected.shape.join(',') !== actual.shape.join(',')) return `${where} has shape [${actual.shape}], not [${expected.shape}]`;
    const scale = maxAbs(expected);
    for (let i = 0; i < expected.data.length; i++) {
      if (!close(expected.data[i]!, actual.data[i]!, scale)) return `${where}[${i}] (flat) is ${actual.data[i]}, not ${expected.data[i]}`;
    }
    return undefined;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${where} is not an array of ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = tightDifference(expected[i]!, actual[i]!, `${where}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (isOpaque(expected)) return isOpaque(actual) && actual.description === expected.description ? undefined : `${where} differs`;
  if (isRecord(expected)) {
    if (!isRecord(actual)) return `${where} is not an object`;
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) {
      const d = tightDifference(expected[k], actual[k], `${where}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(expected, actual) || expected === actual ? undefined : `${where} is ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`;
}

function maxAbs(a: NdArray): number {
  let m = 0;
  for (const x of a.data) if (Number.isFinite(x)) m = Math.max(m, Math.abs(x));
  return m;
}
