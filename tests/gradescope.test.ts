/**
 * The Gradescope package: its run_autograder, run against a fake /autograder
 * tree, grades a submission and writes a valid results.json.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../graders/engine/paths';
import { unzipSync } from 'fflate';
import { buildGradescopePackage } from '../graders/instructor/gradescope';
import { pristineRepo } from './support/repo-copy';

const run = promisify(execFile);
const ID = 'course1/week3/planar-classification';
let dir: string;
let autograder: string;

let entries: Record<string, Uint8Array>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-gs-'));
  const zip = path.join(dir, 'autograder.zip');
  await buildGradescopePackage(pristineRepo(), 'course1/week3', zip);
  // Gradescope unzips the package into /autograder/source.
  autograder = path.join(dir, 'autograder');
  entries = unzipSync(readFileSync(zip));
  for (const [name, data] of Object.entries(entries)) {
    const target = path.join(autograder, 'source', name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
    chmodSync(target, ['setup.sh', 'run_autograder'].includes(name) ? 0o755 : 0o644);
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(autograder, 'source', 'node_modules'), 'dir'); // what setup.sh's npm ci makes
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function grade(submission: Record<string, string>) {
  rmSync(path.join(autograder, 'submission'), { recursive: true, force: true });
  for (const [name, text] of Object.entries(submission)) {
    const f = path.join(autograder, 'submission', name);
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, text);
  }
  await run(path.join(autograder, 'source', 'run_autograder'), [], { env: { ...process.env, AUTOGRADER_ROOT: autograder } });
  return JSON.parse(readFileSync(path.join(autograder, 'results', 'results.json'), 'utf8'));
}

describe('gradescope package', () => {
  it('holds setup.sh and run_autograder at the top, and the grader edition: solutions, hidden cases, oracles, no tests', () => {
    const names = Object.keys(entries);
    expect(names.slice(0, 2)).toEqual(['setup.sh', 'run_autograder']);
    expect(names).toContain('graders/course1/week3/planar-classification.fixtures.json');
    expect(names).toContain('graders/course1/week3/planar-classification.hidden.fixtures.json');
    expect(names).toContain(`solutions/${ID}.ts`);
    expect(names).toContain('graders/course4/week1/conv.oracle.ts');
    expect(names.some((n) => n.startsWith('tests/'))).toBe(false);
    expect(readFileSync(path.join(autograder, 'source', 'setup.sh'), 'utf8')).toContain('bubblewrap');
  });

  // Gradescope gives every submission a fresh /autograder; this fake one is reused, so the
  // submission that leaves the stub in place goes first.
  it('says which file it did not find, and grades the stub in its place', async () => {
    const results = await grade({ 'notes.txt': 'hello' });
    expect(results.score).toBe(0);
    expect(results.output).toContain(`Not found in your submission (graded as the untouched stub): ${ID}.ts`);
  });

  it('grades a single uploaded file with the hidden checks and cases, and writes results.json', async () => {
    const results = await grade({ 'planar-classification.ts': readFileSync(path.join(repoRoot, 'solutions', `${ID}.ts`), 'utf8') });
    expect(results.score).toBeGreaterThan(0);
    expect(results.score).toBe(results.tests.reduce((s: number, t: { max_score: number }) => s + t.max_score, 0));
    expect(results.output).toContain('Files graded: planar-classification.ts.');
    expect(results.output).toContain('Isolation: namespaces.');
    for (const t of results.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'number', 'output', 'score', 'status', 'tags', 'visibility']);
    }
    // Hidden checks run, and show once the grades are published.
    const hidden = results.tests.filter((t: { visibility: string }) => t.visibility === 'after_published');
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((t: { score: number; max_score: number }) => t.score === t.max_score)).toBe(true);
  });

  it('refuses a symbolic link in the submission, and names it', async () => {
    const sub = path.join(autograder, 'submission');
    rmSync(sub, { recursive: true, force: true });
    mkdirSync(sub, { recursive: true });
    symlinkSync(path.join(repoRoot, 'solutions', `${ID}.ts`), path.join(sub, 'planar-classification.ts'));
    await run(path.join(autograder, 'source', 'run_autograder'), [], { env: { ...process.env, AUTOGRADER_ROOT: autograder } });
    const results = JSON.parse(readFileSync(path.join(autograder, 'results', 'results.json'), 'utf8'));
    expect(results.score).toBe(0);
    expect(results.output).toContain('Not taken from your submission (only plain .ts files are graded): planar-classification.ts (a symbolic link).');
  });
});
