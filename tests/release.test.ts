/**
 * The two editions. The learner edition grades with public checks and cases
 * only and holds no evidence that decides an official grade (no solution text,
 * hidden case or oracle); the grader edition adds them. Both ship the committed
 * stubs, and refuse — writing nothing — a working tree with a finished exercise
 * in it, a stub holding a solution's body, or a stub that scores.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../graders/engine/paths';
import { buildRelease } from '../graders/instructor/release';
import { functionBodies } from '../graders/instructor/signatures';
import { copyRepo, pristineRepo } from './support/repo-copy';

const run = promisify(execFile);
const ID = 'course1/week3/planar-classification';
let tmp: string;
/** The instructors' source as committed (a pristine git copy of this checkout). */
let source: string;
let learner: string;
let grader: string;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * The bodies of the reference solutions' exercise functions, whitespace removed.
 * Code the stub provides as is (helpers the learner is given) is not solution text.
 */
function solutionBodies(): { file: string; fn: string; body: string }[] {
  return filesUnder(path.join(repoRoot, 'solutions')).flatMap((file) => {
    const rel = path.relative(path.join(repoRoot, 'solutions'), file);
    // A quiz's answer book has no stub: none of its bodies may ship either.
    const stubFile = path.join(source, 'exercises', rel);
    const stub = existsSync(stubFile) ? functionBodies(stubFile) : new Map<string, string>();
    return [...functionBodies(file)]
      .filter(([fn, body]) => stub.get(fn) !== body)
      .map(([fn, body]) => ({ file: path.relative(repoRoot, file), fn, body }));
  });
}

async function grade(edition: string, ...args: string[]) {
  const { stdout } = await run('npm', ['run', '--silent', 'grade', '--', ...args], { cwd: edition, maxBuffer: 20 * 1024 * 1024 });
  return JSON.parse(stdout);
}


beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-release-'));
  learner = path.join(tmp, 'learner-edition');
  grader = path.join(tmp, 'grader-edition');
  source = pristineRepo();
  await buildRelease(source, learner);
  await buildRelease(source, grader, { edition: 'grader' });
  for (const e of [learner, grader]) symlinkSync(path.join(repoRoot, 'node_modules'), path.join(e, 'node_modules'), 'dir');
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the learner edition (npm run release)', () => {
  it('ships stubs, graders, public cases, templates and package files, and nothing of the instructor side', () => {
    for (const f of ['README.md', 'package.json', 'package-lock.json', 'exercises', 'graders/engine', 'graders/cli.ts', 'templates/report', 'lib/np-random.ts', 'docs/security.md']) {
      expect(existsSync(path.join(learner, f)), f).toBe(true);
    }
    expect(existsSync(path.join(learner, `graders/${ID}.fixtures.json`))).toBe(true);
    for (const f of ['solutions', 'tests', 'graders/instructor', 'graders/fixtures-cli.ts', 'graders/validate-cli.ts', '.git', `graders/${ID}.hidden.fixtures.json`]) {
      expect(existsSync(path.join(learner, f)), f).toBe(false);
    }
    const files = filesUnder(learner).map((f) => path.relative(learner, f));
    expect(files.filter((f) => /\.oracle\.ts$|\.hidden\.fixtures\.json$/.test(f))).toEqual([]);
    // The hidden cases' seed: with it, the case builders shipped here would rebuild every hidden case's inputs.
    expect(existsSync(path.join(learner, 'graders/hidden-seed.json'))).toBe(false);
    const offset = String(JSON.parse(readFileSync(path.join(repoRoot, 'graders/hidden-seed.json'), 'utf8')).offset);
    expect(files.filter((f) => !f.startsWith('node_modules') && readFileSync(path.join(learner, f), 'latin1').includes(offset))).toEqual([]);
    const pkg = JSON.parse(readFileSync(path.join(learner, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.scripts).sort()).toEqual(['grade', 'hint', 'progress', 'quiz', 'reset', 'test', 'try']);
    // The learner's `npm run grade` is this checkout's, node flags and all.
    const ours = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.scripts.grade).toBe(ours.scripts.grade);
    expect(readFileSync(path.join(learner, 'README.md'), 'utf8')).toContain('npm run grade week3');
  });

  it('contains no solution function body in any file', () => {
    const bodies = solutionBodies().filter((b) => b.body.length >= 30);
    expect(bodies.length).toBeGreaterThan(10);
    const shipped = filesUnder(learner).map((f) => ({ f, text: readFileSync(f, 'utf8').replace(/\s+/g, '') }));
    const leaks = bodies.flatMap((b) => shipped.filter((s) => s.text.includes(b.body)).map((s) => `${b.file} ${b.fn} → ${path.relative(learner, s.f)}`));
    expect(leaks).toEqual([]);
  });

  it('grades the stubs with the public checks only, and says what the official grade adds', async () => {
    const report = await grade(learner, 'week3', '--format', 'json');
    expect(report.score).toBe(0);
    const checks = report.assignments[0].exercises.flatMap((e: { checks: { hidden: boolean }[] }) => e.checks);
    expect(checks.length).toBeGreaterThan(5);
    expect(checks.filter((c: { hidden: boolean }) => c.hidden)).toEqual([]);
    expect(report.officialNote).toMatch(/The official grade .* also runs hidden checks worth 1 point \(not counted here\) and hidden cases/);
    // Every reference check has hidden cases (tests/engine/hidden-variants.test.ts): the count the learner edition
    // keeps is the grader edition's, and the note claims them.
    const hidden = JSON.parse(readFileSync(path.join(source, 'graders', 'course2/week1/initialization.hidden.fixtures.json'), 'utf8')) as { checks: Record<string, { cases: unknown[] }> };
    const count = Object.values(hidden.checks).reduce((n, c) => n + c.cases.length, 0);
    expect(count).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(path.join(learner, 'graders', 'course2/week1/initialization.hidden-count.json'), 'utf8')).hiddenCases).toBe(count);
    const init = await grade(learner, 'course2/week1/initialization', '--format', 'json');
    expect(init.officialNote ?? '').toMatch(/hidden cases/);
  });

  it('passes its own `npm test` (a type check of the learner code)', async () => {
    await expect(run('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: learner })).resolves.toBeDefined();
  }, 120_000);

  it('refuses to write into a folder that is not empty, writing nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-busy-'));
    writeFileSync(path.join(dir, 'mine.txt'), 'keep me');
    await expect(buildRelease(source, dir)).rejects.toThrow(/already exists and is not empty/);
    expect(readdirSync(dir)).toEqual(['mine.txt']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the grader edition (npm run release -- DIR --grader)', () => {
  it('adds the solutions, hidden cases and oracles', () => {
    for (const f of [`solutions/${ID}.ts`, `graders/${ID}.hidden.fixtures.json`, 'graders/course4/week1/conv.oracle.ts', 'graders/hidden-seed.json']) {
      expect(existsSync(path.join(grader, f)), f).toBe(true);
    }
    expect(readFileSync(path.join(grader, 'README.md'), 'utf8')).toMatch(/Keep this repository private/);
  });

  it('grades a finished learner with the hidden checks and cases as well', async () => {
    cpSync(path.join(grader, 'solutions'), path.join(grader, 'exercises'), { recursive: true });
    const official = await grade(grader, 'week3', '--format', 'json');
    expect(official.score).toBe(official.maxScore);
    expect(official.officialNote).toBeUndefined();
    const checks = official.assignments[0].exercises.flatMap((e: { checks: { hidden: boolean }[] }) => e.checks);
    expect(checks.some((c: { hidden: boolean }) => c.hidden)).toBe(true);
    // Restore the stubs for the tests below.
    rmSync(path.join(grader, 'exercises'), { recursive: true });
    cpSync(path.join(learner, 'exercises'), path.join(grader, 'exercises'), { recursive: true });
  });

  it('fails a lookup table built from the learner edition: public cases pass, the official grade stays well below half', async () => {
    const table = lookupTable(learner, ID);
    for (const e of [learner, grader]) writeFileSync(path.join(e, 'exercises', `${ID}.ts`), table);
    try {
      const local = await grade(learner, ID, '--format', 'json');
      const official = await grade(grader, ID, '--format', 'json');
      // The public reference cases are matched exactly; that is all a lookup can do.
      expect(local.score).toBeGreaterThan(0);
      expect(official.score / official.maxScore).toBeLessThan(0.35);
    } finally {
      for (const e of [learner, grader]) cpSync(path.join(source, 'exercises', `${ID}.ts`), path.join(e, 'exercises', `${ID}.ts`));
    }
  });
});

describe('what an edition refuses, writing nothing', () => {
  let repo: string;
  beforeAll(() => {
    repo = copyRepo({ git: true });
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const out = () => path.join(tmp, `refused-${Math.random().toString(36).slice(2)}`);
  const commit = () => {
    execFileSync('git', ['add', '-A'], { cwd: repo });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'planted'], { cwd: repo });
  };

  it('a finished exercise in the working tree', async () => {
    cpSync(path.join(repo, 'solutions', `${ID}.ts`), path.join(repo, 'exercises', `${ID}.ts`));
    const dir = out();
    await expect(buildRelease(repo, dir)).rejects.toThrow(/exercises\/ differs from the last commit \(exercises\/course1\/week3\/planar-classification\.ts\)/);
    await expect(buildRelease(repo, dir, { edition: 'grader' })).rejects.toThrow(/differs from the last commit/);
    expect(existsSync(dir)).toBe(false);
  });

  it('a committed stub holding the solution', async () => {
    commit(); // the finished exercise above, now committed as if it were the stub
    const dir = out();
    await expect(buildRelease(repo, dir)).rejects.toThrow(/These stubs hold the reference solution's code: exercises\/course1\/week3\/planar-classification\.ts: layerSizes/);
    expect(existsSync(dir)).toBe(false);
  });

  it('a committed stub that scores', async () => {
    // A different body from the solution's, but a working one.
    const stub = readFileSync(path.join(source, 'exercises', `${ID}.ts`), 'utf8');
    const layerSizes = "export function layerSizes(X: tf.Tensor2D, Y: tf.Tensor2D): { nX: number; nH: number; nY: number } {\n  return notImplemented('layerSizes');\n}\n";
    expect(stub).toContain(layerSizes);
    const scoring = stub.replace(layerSizes, 'export function layerSizes(X: tf.Tensor2D, Y: tf.Tensor2D): { nX: number; nH: number; nY: number } {\n  const [nX] = X.shape;\n  return { nX, nH: 4, nY: Y.shape[0] };\n}\n');
    writeFileSync(path.join(repo, 'exercises', `${ID}.ts`), scoring);
    commit();
    const dir = out();
    await expect(buildRelease(repo, dir)).rejects.toThrow(/These committed stubs already score points: course1\/week3\/planar-classification \(1 \/ \d+\)/);
    expect(existsSync(dir)).toBe(false);
  }, 120_000);
});

/**
 * A submission with no math at all: each function looks its arguments up among
 * the learner edition's stored cases and returns the stored answer (or the first
 * one's, when nothing matches).
 */
function lookupTable(edition: string, id: string): string {
  const fixtures = JSON.parse(readFileSync(path.join(edition, 'graders', `${id}.fixtures.json`), 'utf8')) as {
    checks: Record<string, { cases: { args: unknown[]; expected: unknown }[] }>;
  };
  const table: Record<string, { args: unknown[]; expected: unknown }[]> = {};
  for (const [key, { cases }] of Object.entries(fixtures.checks)) {
    const fn = key.split('/')[0]!;
    (table[fn] ??= []).push(...cases.map((c) => ({ args: c.args, expected: c.expected })));
  }
  const exported = [...functionBodies(path.join(edition, 'exercises', `${id}.ts`)).keys()].filter((fn) => table[fn]);
  expect(exported.length).toBeGreaterThan(5);
  return `import * as tf from '@tensorflow/tfjs';
const TABLE: Record<string, { args: any[]; expected: any }[]> = ${JSON.stringify(table)};
function plain(v: any): any {
  if (v instanceof tf.Tensor) return { data: Array.from(v.dataSync()) };
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}
function same(a: any, b: any): boolean {
  if (b && b.kind === 'ndarray') return !!a && Array.isArray(a.data) && a.data.length === b.data.length && a.data.every((x: number, i: number) => Math.abs(x - b.data[i]) <= 1e-4 * (1 + Math.abs(b.data[i])));
  if (Array.isArray(b)) return Array.isArray(a) && a.length === b.length && b.every((x: any, i: number) => same(a[i], x));
  if (b && typeof b === 'object') return !!a && typeof a === 'object' && Object.keys(b).every((k) => same(a[k], b[k]));
  if (typeof b === 'number' && typeof a === 'number') return Math.abs(a - b) <= 1e-6 * (1 + Math.abs(b));
  return a === b || (b === null && a === undefined);
}
function revive(v: any): any {
  if (v && v.kind === 'ndarray') return tf.tensor(v.data, v.shape, v.dtype);
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
  return v;
}
function lookup(fn: string, args: any[]): any {
  const cases = TABLE[fn] ?? [];
  const given = args.map(plain);
  const hit = cases.find((c) => c.args.length === given.length && c.args.every((a, i) => same(given[i], a)));
  return revive((hit ?? cases[0])!.expected);
}
${exported.map((fn) => `export function ${fn}(...args: any[]): any {\n  return lookup('${fn}', args);\n}`).join('\n')}
`;
}


