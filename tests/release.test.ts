/**
 * The learner edition: built into a new folder, it grades with the public
 * checks only, and no solution text is in it.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../graders/engine/paths';
import { buildRelease } from '../graders/instructor/release';

const run = promisify(execFile);
let edition: string;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function functionBodies(file: string): Map<string, string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const bodies = new Map<string, string>();
  for (const st of source.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) bodies.set(st.name.text, st.body.getText(source).replace(/\s+/g, ''));
  }
  return bodies;
}

/**
 * The bodies of the reference solutions' exercise functions, whitespace removed.
 * Code the stub provides as is (helpers the learner is given) is not solution text.
 */
function solutionBodies(): { file: string; fn: string; body: string }[] {
  return filesUnder(path.join(repoRoot, 'solutions')).flatMap((file) => {
    const rel = path.relative(path.join(repoRoot, 'solutions'), file);
    const stub = functionBodies(path.join(repoRoot, 'exercises', rel));
    return [...functionBodies(file)]
      .filter(([fn, body]) => stub.get(fn) !== body)
      .map(([fn, body]) => ({ file: path.relative(repoRoot, file), fn, body }));
  });
}

async function grade(...args: string[]) {
  const { stdout } = await run('npm', ['run', '--silent', 'grade', '--', ...args], { cwd: edition, maxBuffer: 20 * 1024 * 1024 });
  return JSON.parse(stdout);
}

beforeAll(() => {
  edition = path.join(mkdtempSync(path.join(os.tmpdir(), 'deepgrade-release-')), 'learner-edition');
  buildRelease(repoRoot, edition);
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(edition, 'node_modules'), 'dir');
});
afterAll(() => rmSync(path.dirname(edition), { recursive: true, force: true }));

describe('npm run release', () => {
  it('ships stubs, graders, fixtures, templates and package files, and nothing of the instructor side', () => {
    for (const f of ['README.md', 'package.json', 'package-lock.json', 'exercises', 'graders/engine', 'graders/cli.ts', 'templates/report', 'lib/np-random.ts']) {
      expect(existsSync(path.join(edition, f)), f).toBe(true);
    }
    expect(existsSync(path.join(edition, 'graders/course1/week3/planar-classification.fixtures.json'))).toBe(true);
    for (const f of ['solutions', 'tests', 'graders/instructor', 'graders/fixtures-cli.ts', 'graders/validate-cli.ts', '.git']) {
      expect(existsSync(path.join(edition, f)), f).toBe(false);
    }
    const pkg = JSON.parse(readFileSync(path.join(edition, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.scripts).sort()).toEqual(['grade', 'test']);
    expect(readFileSync(path.join(edition, 'README.md'), 'utf8')).toContain('npm run grade week3');
  });

  it('contains no solution function body in any file', () => {
    const bodies = solutionBodies().filter((b) => b.body.length >= 30);
    expect(bodies.length).toBeGreaterThan(10);
    const shipped = filesUnder(edition).map((f) => ({ f, text: readFileSync(f, 'utf8').replace(/\s+/g, '') }));
    const leaks = bodies.flatMap((b) => shipped.filter((s) => s.text.includes(b.body)).map((s) => `${b.file} ${b.fn} → ${path.relative(edition, s.f)}`));
    expect(leaks).toEqual([]);
  });

  it('grades the stubs there with the public checks only', async () => {
    const report = await grade('week3', '--format', 'json');
    expect(report.score).toBe(0);
    const checks = report.assignments[0].exercises.flatMap((e: { checks: { hidden: boolean }[] }) => e.checks);
    expect(checks.length).toBeGreaterThan(5);
    expect(checks.filter((c: { hidden: boolean }) => c.hidden)).toEqual([]);
  });

  it('gives a finished learner full marks there', async () => {
    cpSync(path.join(repoRoot, 'solutions'), path.join(edition, 'exercises'), { recursive: true });
    const report = await grade('week3', '--format', 'json');
    expect(report.score).toBe(report.maxScore);
    expect(report.maxScore).toBeGreaterThan(0);
  });

  it('refuses to write into a folder that is not empty, writing nothing', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-busy-'));
    writeFileSync(path.join(dir, 'mine.txt'), 'keep me');
    expect(() => buildRelease(repoRoot, dir)).toThrow(/already exists and is not empty/);
    expect(readdirSync(dir)).toEqual(['mine.txt']);
    rmSync(dir, { recursive: true, force: true });
  });
});
