/**
 * The two editions built from this repository (the instructors' source):
 *
 * - the **learner edition**, what learners clone: the committed stubs, the
 *   graders with their public cases, the engine, templates and package files.
 *   No reference solution, no hidden case, no plain-JS oracle (`*.oracle.ts`),
 *   no mutants or instructor tools.
 * - the **grader edition**, what official grading runs (Gradescope, pull-request
 *   grading from an instructor-controlled repository, batch): the learner
 *   edition plus the reference solutions, the hidden cases and the oracles.
 *   Keep it private.
 *
 * Both ship the stubs as committed (`git show HEAD:exercises/…`), and refuse,
 * writing nothing, when the working tree's exercises differ from them, when a
 * stub holds a solution's body, or when a stub scores above 0.
 */
import Handlebars from 'handlebars';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hiddenCaseCount, hiddenCountPath } from '../engine/fixtures';
import { HIDDEN_SEED_FILE } from '../engine/hidden-seed';
import { loadCourses } from '../engine/registry';
import { runGrading } from '../engine/run';
import { writeStubDigests } from '../engine/stubs';
import { functionBodies } from './signatures';

export type Edition = 'learner' | 'grader';

/** Paths copied as they are (relative to the repository root). */
const SHIPPED = ['lib', 'templates/report', 'graders/engine', 'graders/shared', 'graders/batch', 'graders/cli.ts', 'graders/grade-args.ts', 'graders/grade-prestart.ts', 'graders/launch.mjs', 'graders/launcher', 'graders/learner', 'graders/hint-cli.ts', 'graders/reset-cli.ts', 'graders/progress-cli.ts', 'graders/try-cli.ts', 'graders/quiz-cli.ts', 'graders/gradescope-run.ts', 'graders/ci', 'graders/ci-grade.ts', '.github', 'docs/security.md', 'docs/ci.md', 'tsconfig.json', 'package-lock.json', 'deepgrade.config.json'];

/** What only the grader edition holds: evidence that decides an official grade. */
const GRADER_ONLY = (rel: string) => /\.hidden\.fixtures\.json$/.test(rel) || /\.oracle\.ts$/.test(rel) || rel === HIDDEN_SEED_FILE;

/** The learner commands an edition keeps, as package.json runs them (its node flags included); `test` becomes a type check of the learner's code. */
const EDITION_COMMANDS = ['grade', 'hint', 'reset', 'progress', 'try', 'quiz'];

function editionScripts(scripts: Record<string, string>): Record<string, string> {
  const kept = EDITION_COMMANDS.map((name) => {
    if (!scripts[name]) throw new ReleaseError(`package.json has no "${name}" script for the edition to keep.`);
    return [name, scripts[name]] as const;
  });
  return { ...Object.fromEntries(kept), test: 'tsc --noEmit -p .' };
}

export class ReleaseError extends Error {}

export async function buildRelease(root: string, outDir: string, options: { edition?: Edition } = {}): Promise<string[]> {
  const edition = options.edition ?? 'learner';
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    throw new ReleaseError(`${outDir} already exists and is not empty: choose a new folder (nothing was written).`);
  }
  const stubs = committedStubs(root);
  // Built aside and checked there; moved into place only when every check passed.
  const stageParent = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-edition-'));
  const stage = path.join(stageParent, 'edition');
  try {
    const written = stageEdition(root, stage, stubs, edition);
    refuseSolutionBodies(root, stage);
    await refuseScoringStubs(root, stage);
    mkdirSync(path.dirname(path.resolve(outDir)), { recursive: true });
    if (existsSync(outDir)) rmSync(outDir, { recursive: true });
    moveDir(stage, outDir);
    return written;
  } finally {
    rmSync(stageParent, { recursive: true, force: true });
  }
}

/** The stubs as the last commit has them; refuses when the working tree's differ. */
function committedStubs(root: string): Map<string, Buffer> {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git('rev-parse', '--verify', 'HEAD');
  } catch {
    throw new ReleaseError(`${root} is not a git checkout with a commit: an edition ships the committed stubs (nothing was written).`);
  }
  const changed = git('status', '--porcelain', '--', 'exercises').toString().split('\n').filter(Boolean);
  if (changed.length) {
    const files = changed.map((l) => l.slice(3)).slice(0, 10);
    throw new ReleaseError(
      `exercises/ differs from the last commit (${files.join(', ')}): an edition ships the committed stubs, ` +
        `and a finished exercise there would go to every learner. Commit the stub, or restore it with ` +
        `\`git checkout -- exercises/\` (keep your work elsewhere first). Nothing was written.`,
    );
  }
  const stubs = new Map<string, Buffer>();
  for (const rel of git('ls-tree', '-r', '--name-only', 'HEAD', '--', 'exercises').toString().split('\n').filter(Boolean)) {
    stubs.set(rel, git('show', `HEAD:${rel}`));
  }
  return stubs;
}

function stageEdition(root: string, stage: string, stubs: Map<string, Buffer>, edition: Edition): string[] {
  mkdirSync(stage, { recursive: true });
  const written: string[] = [];
  const keep = (src: string) => edition === 'grader' || !GRADER_ONLY(path.relative(root, src));
  const copy = (rel: string) => {
    if (!existsSync(path.join(root, rel))) return;
    cpSync(path.join(root, rel), path.join(stage, rel), { recursive: true, filter: keep });
    written.push(rel);
  };
  SHIPPED.forEach(copy);
  for (const [rel, data] of stubs) {
    mkdirSync(path.dirname(path.join(stage, rel)), { recursive: true });
    writeFileSync(path.join(stage, rel), data);
  }
  written.push('exercises');

  // Course graders, fixtures and manifests; nothing else from graders/.
  const courses = loadCourses(root);
  for (const course of courses) copy(path.join('graders', course.id));
  // The learner edition says how many hidden cases the official grade adds, never what they are.
  if (edition === 'learner') {
    for (const a of courses.flatMap((c) => c.assignments)) {
      const count = hiddenCaseCount(root, a.id);
      if (count !== undefined) writeFileSync(hiddenCountPath(stage, a.id), JSON.stringify({ assignment: a.id, hiddenCases: count }) + '\n');
    }
  }
  if (edition === 'grader') copy('solutions');
  // The hidden cases' seed, so the grader edition can make its fixtures again.
  if (edition === 'grader') copy(HIDDEN_SEED_FILE);
  // The digests of the very stubs shipped, whatever the checkout's stubs.json says (engine/stubs.ts).
  const shippedStubs = new Map([...stubs].filter(([rel]) => rel.endsWith('.ts')).map(([rel, data]) => [rel.slice('exercises/'.length, -'.ts'.length), data] as const));
  writeStubDigests(stage, new Map([...shippedStubs].filter(([id]) => existsSync(path.join(stage, 'graders', `${id}.grader.ts`)))));

  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown> & { scripts: Record<string, string> };
  // Dependencies stay as they are, so the lockfile still matches and `npm ci` works.
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify({ ...pkg, scripts: editionScripts(pkg.scripts) }, null, 2) + '\n');
  writeFileSync(path.join(stage, '.gitignore'), 'node_modules/\nreports/\n.deepgrade/\n');
  // `npm test` type-checks the learner's code; the learner edition's graders import oracles it does not ship.
  const tsconfig = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8')) as Record<string, unknown>;
  const include = edition === 'grader' ? ['graders', 'exercises', 'solutions', 'lib'] : ['exercises', 'lib'];
  writeFileSync(path.join(stage, 'tsconfig.json'), JSON.stringify({ ...tsconfig, include }, null, 2) + '\n');
  written.push('package.json', '.gitignore');

  const template = edition === 'grader' ? 'GRADER-README.md.hbs' : 'README.md.hbs';
  const readme = Handlebars.compile(readFileSync(path.join(root, 'templates', 'release', template), 'utf8'), { noEscape: true });
  writeFileSync(path.join(stage, 'README.md'), readme({ courseTitle: courses.map((c) => c.title).join(' · '), assignments: courses.flatMap((c) => c.assignments) }));
  written.push('README.md');
  return written;
}

/** A graded function whose stub body is the solution's body would hand learners the answer. */
function refuseSolutionBodies(root: string, stage: string) {
  const leaks: string[] = [];
  for (const course of loadCourses(root)) {
    for (const a of course.assignments) {
      const solution = path.join(root, 'solutions', `${a.id}.ts`);
      const stub = path.join(stage, 'exercises', `${a.id}.ts`);
      if (!existsSync(solution) || !existsSync(stub)) continue;
      const given = functionBodies(stub);
      for (const [fn, body] of functionBodies(solution)) {
        if (given.get(fn) === body && !/notImplemented\(/.test(body)) leaks.push(`exercises/${a.id}.ts: ${fn}`);
      }
    }
  }
  // Helpers the stub gives the learner as they are (same body in the stub and the solution) are fine,
  // unless they are graded: those must be written by the learner.
  const gradedLeaks = leaks.filter((l) => isGradedFunction(root, l));
  if (gradedLeaks.length) {
    throw new ReleaseError(`These stubs hold the reference solution's code: ${gradedLeaks.join(', ')}. Restore the stubs (they throw notImplemented) and commit them. Nothing was written.`);
  }
}

function isGradedFunction(root: string, leak: string): boolean {
  const m = /^exercises\/(.+)\.ts: (\w+)$/.exec(leak);
  if (!m) return false;
  const grader = path.join(root, 'graders', `${m[1]}.grader.ts`);
  return existsSync(grader) && new RegExp(`name:\\s*'${m[2]}'`).test(readFileSync(grader, 'utf8'));
}

/** Every shipped stub must score 0: a stub that earns points is a partial answer. */
async function refuseScoringStubs(root: string, stage: string) {
  const modules = path.join(stage, 'node_modules');
  symlinkSync(path.join(root, 'node_modules'), modules, 'dir');
  try {
    // Run for real: the untouched-stub shortcut takes for granted what this proves.
    const report = await runGrading({ root: stage, selector: 'all', hidden: false, stubShortcut: false });
    const scoring = report.assignments.filter((a) => a.score > 0).map((a) => `${a.id} (${a.score} / ${a.maxScore})`);
    if (scoring.length) {
      throw new ReleaseError(`These committed stubs already score points: ${scoring.join(', ')}. A stub must score 0; restore it and commit it. Nothing was written.`);
    }
  } finally {
    unlinkSync(modules);
    rmSync(path.join(stage, 'reports'), { recursive: true, force: true });
    rmSync(path.join(stage, '.deepgrade'), { recursive: true, force: true });
  }
}

/** rename, or copy and delete across file systems (the stage is in the temp folder). */
function moveDir(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}
