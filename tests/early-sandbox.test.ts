/**
 * `npm run grade`'s sandbox child started by graders/launch.mjs first of all,
 * from the record the last run with the same command line left
 * (launcher/early-sandbox.mjs, engine/sandbox/early.ts): taken only when it is
 * the very command the sandbox would start, stopped otherwise, and the grade
 * is the same either way.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committed, copyRepo } from './support/repo-copy';
import { processesWith, until } from './support/processes';

const TOOK = 'sandbox took the child graders/launch.mjs started';
const argv = ['week3', '--format', 'json'];

describe('the sandbox child graders/launch.mjs starts from the last run', () => {
  let repo: string;
  const exercise = (dir: string) => path.join(repo, dir, 'course1', 'week3', 'planar-classification.ts');
  /** The reference solution in place of the stub: a full grade. */
  const solve = () => copyFileSync(exercise('solutions'), exercise('exercises'));
  const recordFile = () => path.join(repo, '.deepgrade', 'early-sandbox.json');
  const record = () => JSON.parse(readFileSync(recordFile(), 'utf8')) as { argv: string[]; command: string; args: string[]; env: Record<string, string> };
  /** One `npm run grade` (as package.json runs it): the report's scores and messages. */
  const grade = () => {
    const out = execFileSync('node', ['--max-semi-space-size=2', 'graders/launch.mjs', 'cli.ts', ...argv], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, DEEPGRADE_TIMINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report = JSON.parse(out) as { assignments: { exercises: { name: string; checks: { score: number; message: string }[] }[] }[] };
    const checks = report.assignments.flatMap((a) => a.exercises.flatMap((e) => e.checks.map((c) => `${e.name} ${c.score} ${c.message}`)));
    const scores = report.assignments.flatMap((a) => a.exercises.flatMap((e) => e.checks.map((c) => c.score)));
    return { checks, scores };
  };
  /** One `npm run grade`: whether its sandbox took the child graders/launch.mjs started (DEEPGRADE_TIMINGS tells). */
  const gradeWithTimings = () => {
    const run = execFileSync('bash', ['-c', `node --max-semi-space-size=2 graders/launch.mjs cli.ts ${argv.join(' ')} 2>&1 >/dev/null`], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, DEEPGRADE_TIMINGS: '1' },
    });
    return run.includes(TOOK);
  };

  beforeAll(() => {
    repo = copyRepo();
    solve();
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('is recorded by a run, taken by the next with the same command line, and grades the same', () => {
    const first = grade();
    expect(record().argv).toEqual(argv);
    expect(gradeWithTimings()).toBe(true);
    expect(grade().checks).toEqual(first.checks);
    expect(first.checks.length).toBeGreaterThan(10);
    expect(first.scores.every((score) => score > 0)).toBe(true);
  }, 120_000);

  it('is not taken, and is stopped, when it is not what the sandbox would start; the record is then put right', async () => {
    const right = readFileSync(recordFile(), 'utf8');
    const marker = `sandbox-${process.pid}-stale`;
    const stale = record();
    // Another host name (a marker to find it by) and another young generation than the sandbox's own.
    stale.args = stale.args.map((a) => (a === 'sandbox' ? marker : a.replace(/^--max-semi-space-size=(\d+)$/, (_m, n: string) => `--max-semi-space-size=${Number(n) + 1}`)));
    expect(stale.args.some((a) => /^--max-semi-space-size=\d+$/.test(a) && !record().args.includes(a))).toBe(true);
    expect(JSON.stringify(stale.args)).not.toBe(JSON.stringify(record().args));
    writeFileSync(recordFile(), JSON.stringify(stale));
    expect(gradeWithTimings()).toBe(false);
    expect(readFileSync(recordFile(), 'utf8')).toBe(right);
    expect(await until(() => processesWith(marker).length === 0)).toBe(true);
  }, 120_000);

  it('is stopped when there is no learner code to run, and a broken record only costs the early start', async () => {
    const right = readFileSync(recordFile(), 'utf8');
    const marker = `sandbox-${process.pid}-stubs`;
    const withMarker = record();
    withMarker.args = withMarker.args.map((a) => (a === 'sandbox' ? marker : a));
    writeFileSync(recordFile(), JSON.stringify(withMarker));
    writeFileSync(exercise('exercises'), committed('exercises/course1/week3/planar-classification.ts'));
    expect(grade().scores.every((score) => score === 0)).toBe(true);
    expect(await until(() => processesWith(marker).length === 0)).toBe(true);

    // A record naming a command that does not exist: the sandbox starts its own child.
    solve();
    writeFileSync(recordFile(), JSON.stringify({ ...JSON.parse(right), command: '/nonexistent/bwrap' }));
    expect(grade().scores.every((score) => score > 0)).toBe(true);
    expect(readFileSync(recordFile(), 'utf8')).toBe(right);
  }, 120_000);
});
