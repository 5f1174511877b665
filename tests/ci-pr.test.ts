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
  // …and "fixes" the grading workflow too.
  writeFileSync(path.join(head, '.github', 'workflows', 'grade.yml'), 'on: pull_request\njobs: {}\n');
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
    expect(plan.ignored.sort()).toEqual(['.github/workflows/grade.yml', `graders/${ID}.fixtures.json`, 'package.json']);
    expect(plan.workflowEdits).toEqual(['.github/workflows/grade.yml']);
    expect(plan.refusal).toBeUndefined();
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
    expect(summary).toContain(`- graders/${ID}.fixtures.json`);
    expect(summary).toContain("This pull request changes the CI set-up (.github/workflows/grade.yml). Grading ran the base branch's workflow and grader");
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    // The base fixtures were used (the PR emptied its copy), and the cost mistake is caught with its hint.
    const cost = report.assignments[0].exercises.find((e: { name: string }) => e.name === 'computeCost');
    expect(cost.score).toBeLessThan(cost.maxScore);
    expect(cost.checks[0].hint).toMatch(/1\/m/);
    expect(report.score).toBeGreaterThan(0);
    // The grader holds the solutions and hidden cases here (as a grader edition does): they count.
    expect(report.assignments[0].exercises.flatMap((e: { checks: { hidden: boolean }[] }) => e.checks).some((c: { hidden: boolean }) => c.hidden)).toBe(true);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('<html');
  });

  it('fails a pull request that changes no exercise, and one that misses what is due, naming it', async () => {
    // Only the notes change.
    const empty = path.join(path.dirname(head), 'empty');
    git(os.tmpdir(), 'clone', '-q', base, empty);
    writeFileSync(path.join(empty, 'NOTES.md'), 'thoughts\n');
    git(empty, 'add', '-A');
    git(empty, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'notes');
    const out = path.join(path.dirname(head), 'reports-empty');
    expect(await main(['--head', empty, '--base-sha', baseSha, '--head-sha', git(empty, 'rev-parse', 'HEAD'), '--out', out])).toBe(1);
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/^## deepgrade: 0 \/ 0 \(100%\) — failed: no exercise changed/);
    expect(summary).toContain('This pull request changes no exercise file');

    // With week 2 due, a pull request on week 3 alone fails too, and names what is due.
    const due = planPr(withConfig({ due: ['course1/week2'] }), changedFiles(head, baseSha, headSha));
    expect(due.refusal).toBe(
      'This pull request changes no exercise that is due. Due: `exercises/course1/week2/numpy-basics.ts`, `exercises/course1/week2/logistic-regression.ts`. Commit your work on one of them to this branch.',
    );
    expect(due.assignments).toEqual(['course1/week2/numpy-basics', 'course1/week2/logistic-regression', ID]);
    expect(planPr(withConfig({ due: ['course1/week3'] }), changedFiles(head, baseSha, headSha)).refusal).toBeUndefined();
  });

  it('keeps what learner code says from turning into Markdown', async () => {
    const hostile = path.join(path.dirname(head), 'hostile');
    git(os.tmpdir(), 'clone', '-q', base, hostile);
    const file = path.join(hostile, 'exercises', `${ID}.ts`);
    const injection = '```\\n# You passed\\n<img src=x onerror=alert(1)>\\n![pixel](https://example.invalid/p.png)\\n<!-- hide the rest';
    writeFileSync(file, readFileSync(path.join(repoRoot, 'solutions', `${ID}.ts`), 'utf8').replace(
      /export function computeCost\(([^)]*)\): number \{/,
      `export function computeCost($1): number {\n  console.log('${injection}');\n  throw new Error('${injection}');`,
    ));
    git(hostile, 'add', '-A');
    git(hostile, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'x');
    const out = path.join(path.dirname(head), 'reports-hostile');
    await main(['--head', hostile, '--base-sha', baseSha, '--head-sha', git(hostile, 'rev-parse', 'HEAD'), '--out', out]);
    const md = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(md).toContain('computeCost threw an error');
    // Outside code blocks (where it is only text), no heading, image, HTML or comment.
    const prose = md.replace(/^( *)(`{3,})\n[\s\S]*?\n\1\2$/gm, '');
    expect(prose).toContain('You passed');
    expect(prose).not.toMatch(/^\s*(> )?# You passed/m);
    expect(prose).not.toContain('<img');
    expect(prose).not.toContain('![pixel]');
    expect(prose).not.toContain('<!--');
    // Every code block that opens closes where the grader closed it: the learner's ``` is inside a longer fence.
    for (const block of md.matchAll(/^( *)(`{3,})\n([\s\S]*?)\n\1\2$/gm)) expect(block[3]).not.toMatch(new RegExp(`^\\s*${block[2]}\\s*$`, 'm'));
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
  });
});

/** A copy of the base repository whose deepgrade.config.json says what is due. */
function withConfig(config: object): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-due-'));
  cpSync(path.join(base, 'graders'), path.join(dir, 'graders'), { recursive: true });
  writeFileSync(path.join(dir, 'deepgrade.config.json'), JSON.stringify({ course: 'course1', ...config }));
  return dir;
}
