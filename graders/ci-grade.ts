/**
 * CI entry for a learner's pull request (see .github/workflows/grade.yml).
 * Runs from the base branch's checkout — the trusted grader — and grades the
 * pull request's exercises/ in a tree assembled from both.
 *
 *   node --import tsx graders/ci-grade.ts --head ../head --base-sha S --head-sha S [--threshold 60] [--out ../deepgrade-reports] [--allow-unisolated]
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './engine/paths';
import { gradeReport, type AssignmentResult } from './engine/report/model';
import { renderReportAsync } from './engine/report/html';
import { renderReport } from './engine/report/render';
import { runGrading } from './engine/run';
import { IsolationError } from './engine/sandbox/client';
import { DEFAULT_SEED } from './engine/seed';
import { assembleTree, changedFiles, passes, planPr, prSummary } from './ci/pr';

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      head: { type: 'string' },
      'base-sha': { type: 'string' },
      'head-sha': { type: 'string' },
      threshold: { type: 'string', default: process.env.DEEPGRADE_PASS_THRESHOLD || '0' },
      out: { type: 'string', default: 'deepgrade-reports' },
      'allow-unisolated': { type: 'boolean' },
    },
  });
  if (!values.head) {
    console.error('--head <pull request checkout> is required.');
    return 2;
  }
  const threshold = Number(values.threshold);
  if (!(threshold >= 0 && threshold <= 100)) {
    console.error(`The pass threshold is a percentage from 0 to 100 (got "${values.threshold}").`);
    return 2;
  }
  const head = path.resolve(values.head);
  let changed: string[] | undefined;
  if (values['base-sha'] && values['head-sha']) {
    try {
      changed = changedFiles(head, values['base-sha'], values['head-sha']);
    } catch (err) {
      console.error(`Could not list the changed files (${(err as Error).message.split('\n')[0]}); grading every assignment.`);
    }
  }
  const plan = planPr(repoRoot, changed);
  const { tree, refused } = assembleTree(repoRoot, head, path.join(mkdtempSync(path.join(os.tmpdir(), 'deepgrade-pr-')), 'tree'));
  if (refused) plan.refused = refused;

  const results: AssignmentResult[] = [];
  let isolation: string | undefined;
  try {
    for (const id of plan.assignments) {
      // Learner code from a pull request runs isolated by the OS, or not at all (unless the instructor says so).
      // Hidden checks and cases run wherever the grader holds them (a grader edition); a learner edition has none.
      const report = await runGrading({ root: tree, selector: id, isolation: values['allow-unisolated'] ? 'auto' : 'require' });
      results.push(...report.assignments);
      isolation = report.isolation;
    }
  } catch (err) {
    if (!(err instanceof IsolationError)) throw err;
    console.error(`Grading could not run: ${err.message}`);
    return 2;
  } finally {
    rmSync(path.dirname(tree), { recursive: true, force: true });
  }
  const report = gradeReport(plan.assignments.join(', ') || '(nothing)', DEFAULT_SEED, '', results, isolation);
  const out = path.resolve(values.out);
  mkdirSync(out, { recursive: true });
  for (const ext of ['json', 'md', 'html'] as const) writeFileSync(path.join(out, `report.${ext}`), await renderReportAsync(report, ext));
  const summary = prSummary(report, plan, threshold, renderReport(report, 'md'));
  writeFileSync(path.join(out, 'summary.md'), summary);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summary);
  console.log(summary.split('\n')[0]);
  return passes(report, threshold, plan) ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(`Grading could not run: ${(err as Error).message}`);
      process.exitCode = 2;
    },
  );
}
