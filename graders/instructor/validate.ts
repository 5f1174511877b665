/**
 * `npm run validate`: everything an instructor must know before publishing.
 * For each assignment: its files exist, its fixtures are valid and current, the
 * stub has the solution's signatures, the solution scores full marks (twice,
 * identically), the stub scores 0, and every mutant loses points with its hint.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fixturePath, loadFixtures, staleness } from '../engine/fixtures';
import { gradeAssignment } from '../engine/grade';
import { loadMutants } from '../engine/mutants';
import { loadAlternatives } from '../engine/alternatives';
import { assignmentFiles, loadGrader } from '../engine/registry';
import type { AssignmentResult } from '../engine/report/model';
import type { Sandbox } from '../engine/sandbox/client';
import { buildFixture } from '../fixtures-cli';
import { staleExamples } from './examples';
import { validateHints } from '../learner/hints';
import { signatureDrift } from './signatures';
import { isQuiz } from '../engine/quiz/load';
import { validateQuiz } from './validate-quiz';

export interface AssignmentValidation {
  id: string;
  /** Each one fails validation. */
  problems: string[];
  /** Worth knowing, not failing: checks that no mutant shows can fail. */
  warnings: string[];
  checks: number;
  mutantsCaught: number;
  mutants: number;
  /** Correct alternatives that scored full marks at every seed, of how many. */
  alternativesPassed?: number;
  alternatives?: number;
  /** The run seeds mutants and alternatives were graded under. */
  seeds?: number[];
  ms: number;
}

const SEED = 4242;

export interface ValidateOptions {
  /** Grade every mutant and correct alternative under this many run seeds (default 1; `npm run validate` uses 10). */
  seeds?: number;
}

/** The run seeds: 4242 first (the fixtures' hints are checked there), then spread out. */
export function validationSeeds(n: number): number[] {
  return Array.from({ length: Math.max(1, n) }, (_, k) => (SEED + k * 104_729) >>> 0);
}

export async function validateAssignment(
  root: string,
  id: string,
  sandbox: Sandbox,
  /** The stub to check in place of exercises/<id>.ts (the test suite passes the committed one). */
  stubFile?: string,
  options: ValidateOptions = {},
): Promise<AssignmentValidation> {
  if (isQuiz(root, id)) return validateQuiz(root, id, stubFile);
  const started = Date.now();
  const problems: string[] = [];
  const warnings: string[] = [];
  const files = assignmentFiles(root, id);
  const rel = (f: string) => path.relative(root, f);
  const seeds = validationSeeds(options.seeds ?? 1);
  let alternativesPassed = 0;
  let alternatives = 0;
  const result = (checks = 0, mutantsCaught = 0, mutants = 0): AssignmentValidation => ({
    id,
    problems,
    warnings,
    checks,
    mutantsCaught,
    mutants,
    alternativesPassed,
    alternatives,
    seeds,
    ms: Date.now() - started,
  });

  for (const f of [files.exercise, files.instructions, files.solution, files.grader]) {
    if (!existsSync(f)) problems.push(`${rel(f)} is missing`);
  }
  if (problems.length) return result();

  let def;
  try {
    def = await loadGrader(root, id);
  } catch (err) {
    problems.push((err as Error).message);
    return result();
  }
  const names = def.exercises.map((e) => e.name);
  for (const e of def.exercises) {
    const dup = e.checks.map((c) => c.name).filter((n, i, all) => all.indexOf(n) !== i);
    if (dup.length) problems.push(`${rel(files.grader)}: ${e.name} has two checks named "${dup[0]}"`);
    for (const d of e.dependsOn ?? []) if (!names.includes(d)) problems.push(`${rel(files.grader)}: ${e.name} depends on ${d}, which is not an exercise here`);
  }
  const checkCount = def.exercises.reduce((n, e) => n + e.checks.length, 0);

  for (const variant of ['public', 'hidden'] as const) {
    try {
      const stale = staleness(loadFixtures(root, id, variant), await buildFixture(root, id, variant));
      if (stale.length) problems.push(`${rel(fixturePath(root, id, variant))} is stale (run \`npm run fixtures -- ${id}\`):\n    ${stale.slice(0, 5).join('\n    ')}`);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }

  const stubPath = stubFile ?? files.exercise;
  for (const d of signatureDrift(stubPath, files.solution)) problems.push(`${rel(files.exercise)} drifts from its solution: ${d}`);
  problems.push(...(await staleExamples(root, id)));
  problems.push(...(await validateHints(root, id)));

  const grade = (file: string, only?: string[], seed = SEED) =>
    // stubShortcut off: the stub is run, since scoring 0 by running it is what the shortcut takes for granted.
    gradeAssignment(def, { root, seed, sandbox, learnerFile: file, only, trusted: file !== stubPath, learnerRoot: file === stubPath ? exercisesRootOf(stubPath) : undefined, stubShortcut: false });

  const solution = await grade(files.solution);
  for (const line of notPassing(solution)) problems.push(`the reference solution does not pass ${line}`);
  const again = await grade(files.solution);
  const flaky = firstDifference(solution, again);
  if (flaky) problems.push(`flaky: grading the solution twice gave different results for ${flaky}`);

  const stub = await grade(stubPath);
  if (stub.score !== 0) problems.push(`the stub scores ${stub.score}, not 0`);
  for (const e of stub.exercises) if (e.status !== 'not-attempted') problems.push(`the stub's ${e.name} is "${e.status}", not "not-attempted"`);

  const mutants = await loadMutants(root, id);
  const exercised = new Set<string>();
  let caught = 0;
  for (const m of mutants) {
    if (!names.includes(m.fn)) {
      problems.push(`mutant ${m.name} targets ${m.fn}, which is not an exercise here`);
      continue;
    }
    const r = await grade(m.file, [m.fn]);
    const target = r.exercises.find((e) => e.name === m.fn)!;
    for (const c of target.checks) if (c.score < c.maxScore) exercised.add(`${m.fn} / ${c.name}`);
    if (target.score >= target.maxScore) {
      problems.push(`mutant ${m.name} is not caught: ${m.fn} still scores full marks`);
      continue;
    }
    // Caught at the first seed: a verdict must not depend on the seed.
    const missedAt: string[] = [];
    for (const seed of seeds.slice(1)) {
      const again = (await grade(m.file, [m.fn], seed)).exercises.find((e) => e.name === m.fn)!;
      if (again.score >= again.maxScore) missedAt.push(String(seed));
    }
    if (missedAt.length) {
      problems.push(`mutant ${m.name} is caught at seed ${seeds[0]} but not at seed${missedAt.length > 1 ? 's' : ''} ${missedAt.join(', ')}: the checks that catch it (${target.checks.filter((c) => c.score < c.maxScore).map((c) => c.name).join(', ')}) depend on the seed`);
      continue;
    }
    caught++;
    if (!target.checks.some((c) => c.hint === m.hint)) {
      problems.push(`mutant ${m.name} loses points, but no check shows its hint ("${m.hint}"); run \`npm run fixtures -- ${id}\``);
    }
  }

  // Correct alternatives: full marks at every seed, or the grader is wrong about them.
  const alts = await loadAlternatives(root, id);
  alternatives = alts.length;
  for (const alt of alts) {
    const unknown = alt.fns.filter((f) => !names.includes(f));
    if (unknown.length) problems.push(`alternative ${alt.name} names ${unknown.join(', ')}, not exercises here`);
    let passedAll = !unknown.length;
    for (const seed of seeds) {
      const r = await grade(alt.file, undefined, seed);
      const lost = notPassing(r);
      if (lost.length) {
        passedAll = false;
        problems.push(`correct alternative ${alt.name} (${alt.style}) loses points at seed ${seed}: ${lost[0]}${lost.length > 1 ? ` (and ${lost.length - 1} more)` : ''}`);
        break;
      }
    }
    if (passedAll) alternativesPassed++;
  }
  for (const e of def.exercises) {
    for (const c of e.checks) {
      if (!exercised.has(`${e.name} / ${c.name}`)) warnings.push(`no mutant makes ${e.name} / ${c.name} fail`);
    }
  }
  return result(checkCount, caught, mutants.length);
}

function notPassing(r: AssignmentResult): string[] {
  return r.exercises.flatMap((e) =>
    e.checks.filter((c) => c.status !== 'passed').map((c) => `${e.name} / ${c.name} (${c.status}): ${c.message}`),
  );
}

function firstDifference(a: AssignmentResult, b: AssignmentResult): string | undefined {
  for (const [i, e] of a.exercises.entries()) {
    for (const [j, c] of e.checks.entries()) {
      if (JSON.stringify(c) !== JSON.stringify(b.exercises[i]?.checks[j])) return `${e.name} / ${c.name}`;
    }
  }
  return undefined;
}

/** The exercises/ folder a learner file sits in (its imports of lib/ are resolved from beside it). */
function exercisesRootOf(file: string): string | undefined {
  const marker = `${path.sep}exercises${path.sep}`;
  const at = file.lastIndexOf(marker);
  return at < 0 ? undefined : file.slice(0, at + marker.length - 1);
}
