/**
 * End to end: the real `npm run grade` command in a fresh copy of the
 * repository, first with the untouched stubs, then with the solutions copied
 * over the exercises, as a learner who finished everything.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validator } from '../graders/engine/schemas/validate';
import { committed, copyRepo } from './support/repo-copy';

const run = promisify(execFile);
let repo: string;

async function grade(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'grade', '--', ...args], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const validReport = (data: unknown) => {
  const validate = validator('report');
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
};

beforeAll(() => {
  repo = copyRepo();
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run grade', () => {
  it('grades the untouched stubs of week 3: score 0, reports written, learner files untouched', async () => {
    const before = snapshot(path.join(repo, 'exercises'));
    const r = await grade('week3');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Planar data classification with one hidden layer');
    expect(r.stdout).toContain('not attempted');
    expect(r.stdout).toContain('Next up: layerSizes in exercises/course1/week3/planar-classification.ts');
    expect(r.stdout).not.toMatch(/\x1b\[/); // NO_COLOR
    for (const ext of ['json', 'md', 'html']) expect(existsSync(path.join(repo, 'reports', `week3.${ext}`))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(repo, 'reports', 'week3.json'), 'utf8'));
    validReport(report);
    expect(report.score).toBe(0);
    expect(report.maxScore).toBeGreaterThan(0);
    expect(report.assignments[0].id).toBe('course1/week3/planar-classification');
    expect(snapshot(path.join(repo, 'exercises'))).toEqual(before);
  });

  it('prints only the JSON report with --format json', async () => {
    const r = await grade('week3', '--format', 'json', '--only', 'computeCost');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    validReport(report);
    expect(report.assignments[0].exercises.map((e: { name: string }) => e.name)).toEqual(['computeCost']);
  });

  it('lists the valid choices for an unknown selector, with exit code 2', async () => {
    const r = await grade('week9');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('course1, your current course (deepgrade.config.json), has no week9.');
    expect(r.stderr).toContain('course1/week3');
    expect(r.stdout).toBe('');
    for (const [typed, meant] of [['wek3', 'week3'], ['Week3', 'week3'], ['course1/week33', 'course1/week3']]) {
      expect((await grade(typed!)).stderr).toContain(`Did you mean ${meant}?`);
    }
    // A course of the curriculum with nothing in it yet is named as such, not "unknown".
    const curriculum = path.join(repo, 'graders', 'curriculum.json');
    const before = readFileSync(curriculum, 'utf8');
    try {
      const data = JSON.parse(before) as { courses: { id: string; title: string; weeks: number }[] };
      data.courses.push({ id: 'course6', title: 'A course still being written', weeks: 1 });
      writeFileSync(curriculum, JSON.stringify(data));
      expect((await grade('course6')).stderr).toContain('course6 (A course still being written) has no assignments yet.');
    } finally {
      writeFileSync(curriculum, before);
    }
  });

  it('refuses an unknown function name, suggesting the right one, and never overwrites the full reports with a partial run', async () => {
    const r = await grade('week3', '--only', 'forward_propagation', '--min-score', '100');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No function named forward_propagation in week3:\n  forward_propagation: did you mean forwardPropagation?');
    expect((await grade('week3', '--format', 'json')).code).toBe(0);
    const full = readFileSync(path.join(repo, 'reports', 'week3.json'), 'utf8');
    const partial = await grade('week3', 'layerSizes', '--format', 'json');
    expect(partial.code).toBe(0);
    expect(readFileSync(path.join(repo, 'reports', 'week3.json'), 'utf8')).toBe(full);
    expect(JSON.parse(readFileSync(path.join(repo, 'reports', 'week3-only-layerSizes.json'), 'utf8')).only).toEqual(['layerSizes']);
    const report = JSON.parse(partial.stdout);
    expect(report.only).toEqual(['layerSizes']);
    expect(report.assignments[0].exercises.map((e: { name: string }) => e.name)).toEqual(['layerSizes']);
  });

  it('fails with --min-score when the score is below it', async () => {
    const r = await grade('week3', '--only', 'layerSizes', '--min-score', '50');
    expect(r.code).toBe(1);
  });

  it('gives full marks when the solutions are copied over the exercises', async () => {
    cpSync(path.join(repo, 'solutions'), path.join(repo, 'exercises'), { recursive: true });
    const r = await grade('course1', '--format', 'json', '--min-score', '100');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    validReport(report);
    expect(report.assignments.length).toBeGreaterThanOrEqual(1);
    for (const a of report.assignments) expect(a.score, a.id).toBe(a.maxScore);
    expect(report.score).toBe(report.maxScore);
  });

  it('runs an assignment\'s main with the learner\'s code: npm run try', async () => {
    const tryIt = async () => {
      try {
        const { stdout } = await run('npm', ['run', '--silent', 'try', '--', 'week3'], { cwd: repo, env: { ...process.env, NO_COLOR: '1' } });
        return { code: 0, stdout };
      } catch (err) {
        const e = err as { code: number; stdout: string };
        return { code: e.code, stdout: e.stdout };
      }
    };
    const stub = committed('exercises/course1/week3/planar-classification.ts');
    writeFileSync(path.join(repo, 'exercises', 'course1/week3/planar-classification.ts'), stub);
    const untouched = await tryIt();
    expect(untouched.code).toBe(1);
    expect(untouched.stdout).toContain('It calls nnModel, which is not implemented yet.');
    cpSync(path.join(repo, 'solutions', 'course1/week3/planar-classification.ts'), path.join(repo, 'exercises', 'course1/week3/planar-classification.ts'));
    const finished = await tryIt();
    expect(finished.code).toBe(0);
    expect(finished.stdout).toMatch(/Cost after iteration 0: 0\.693[\s\S]*Cost after iteration 9000: 0\.2[\s\S]*Accuracy on the flower: (8|9)\d\.\d%/);
    writeFileSync(path.join(repo, 'exercises', 'course1/week3/planar-classification.ts'), stub);
  }, 120_000);

  it('refuses options that would be ignored in the way it runs, naming them', async () => {
    const watchingClass = await grade('week3', '--watch', '--submissions', repo);
    expect(watchingClass.code).toBe(2);
    expect(watchingClass.stderr).toContain('--watch is for grading your own exercises, not a class');
    const outAlone = await grade('week3', '--out', 'x', '--workers', '2');
    expect(outAlone.code).toBe(2);
    expect(outAlone.stderr).toContain('--out, --workers are for grading a class: they go with --submissions DIR.');
  });

  it('says so when npm kept an option for itself (written before --)', async () => {
    const r = await run('npm', ['run', '--silent', 'grade', 'week3', '--seed', '3'], { cwd: repo }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => err,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('npm kept --seed for itself: options for deepgrade go after --, as in\n  npm run grade -- week3 --seed …');
  });
});
