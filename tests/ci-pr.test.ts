/**
 * The pull-request workflow's logic, run locally: a learner's PR that also
 * edits the grader is graded with the base branch's grader, the summary says
 * so, and the check's conclusion follows the pass mark.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedFiles, planPr } from '../graders/ci/pr';
import { main } from '../graders/ci-grade';
import { repoRoot } from '../graders/engine/paths';
import { copyRepo } from './support/repo-copy';

const ID = 'course1/week3/planar-classification';
let base: string;
let head: string;
let baseSha: string;
let headSha: string;
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

beforeAll(() => {
  // The learner's repository as the base branch has it, and a pull request on top.
  base = copyRepo();
  git(base, 'init', '-q', '-b', 'main');
  git(base, 'add', '-A');
  git(base, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base');
  baseSha = git(base, 'rev-parse', 'HEAD');
  head = path.join(mkdtempSync(path.join(os.tmpdir(), 'deepgrade-head-')), 'head');
  git(os.tmpdir(), 'clone', '-q', base, head);
  // The learner solves the assignment... and also "fixes" the grader to give full marks to anything.
  cpSync(path.join(repoRoot, 'solutions', `${ID}.ts`), path.join(head, 'exercises', `${ID}.ts`));
  const cost = path.join(head, 'exercises', `${ID}.ts`);
  writeFileSync(cost, readFileSync(cost, 'utf8').replace('return -tf.sum(logprobs).dataSync()[0]! / m;', 'return -tf.sum(logprobs).dataSync()[0]!;'));
  writeFileSync(path.join(head, 'graders', `${ID}.fixtures.json`), '{}');
  writeFileSync(path.join(head, 'package.json'), '{"scripts": {"postinstall": "echo pwned"}}');
  git(head, 'add', '-A');
  git(head, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'my work');
  headSha = git(head, 'rev-parse', 'HEAD');
});
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
  rmSync(path.dirname(head), { recursive: true, force: true });
});

describe('grading a pull request', () => {
  it('plans: the touched assignment, and everything outside exercises/ ignored', () => {
    const plan = planPr(base, changedFiles(head, baseSha, headSha));
    expect(plan.assignments).toEqual([ID]);
    expect(plan.ignored.sort()).toEqual([`graders/${ID}.fixtures.json`, 'package.json']);
    expect(planPr(base, undefined).note).toMatch(/every assignment is graded/);
  });

  it('grades with the base grader, writes the summary and reports, and concludes by the pass mark', async () => {
    const out = path.join(path.dirname(head), 'reports');
    const summaryFile = path.join(path.dirname(head), 'step-summary.md');
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
    try {
      const args = ['--head', head, '--base-sha', baseSha, '--head-sha', headSha, '--out', out];
      expect(await main([...args, '--threshold', '100'])).toBe(1);
      expect(await main([...args, '--threshold', '50']), readFileSync(path.join(out, 'summary.md'), 'utf8').slice(0, 3000)).toBe(0);
    } finally {
      delete process.env.GITHUB_STEP_SUMMARY;
    }
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toMatch(/^## deepgrade: \d+(\.\d+)? \/ \d+ \(\d+(\.\d+)?%\) — below the pass mark of 100%/);
    expect(summary).toContain('They were **ignored**');
    expect(summary).toContain(`- \`graders/${ID}.fixtures.json\``);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    // The base fixtures were used (the PR emptied its copy), and the cost mistake is caught with its hint.
    const cost = report.assignments[0].exercises.find((e: { name: string }) => e.name === 'computeCost');
    expect(cost.score).toBeLessThan(cost.maxScore);
    expect(cost.checks[0].hint).toMatch(/1\/m/);
    expect(report.score).toBeGreaterThan(0);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('<html');
  });
});
