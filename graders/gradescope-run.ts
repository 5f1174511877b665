/**
 * What Gradescope's run_autograder runs: put the submitted files where the
 * grader expects them, grade, and write /autograder/results/results.json —
 * always, even when grading cannot run, so the learner sees why.
 *
 * AUTOGRADER_ROOT (default /autograder) lets a test run it against a fake tree.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeRefusals, takeSubmission } from './engine/intake';
import { repoRoot } from './engine/paths';
import { selectAssignments, learnerFileName } from './engine/registry';
import { toGradescope } from './engine/report/formats';
import { runGrading } from './engine/run';

/**
 * Lays out the learner's tree to grade, in `work`: the stubs, with each
 * assignment's learner file from the submission in its place — found at its
 * path under exercises/ (a whole repository uploaded), at its path without
 * exercises/, or by its file name alone (a single file uploaded). The
 * submission is taken as data first (intake.ts): only plain .ts and .md files,
 * no links or devices. The grader's own files are never written to.
 */
export function placeSubmission(submission: string, root: string, ids: string[], work: string): { learnerRoot: string; placed: string[]; missing: string[]; refused: string } {
  const learnerRoot = path.join(work, 'exercises');
  cpSync(path.join(root, 'exercises'), learnerRoot, { recursive: true });
  const intake = existsSync(submission) ? takeSubmission(submission, path.join(work, 'submission')) : { root: work, files: [], refused: [] };
  const placed: string[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const name = learnerFileName(root, id);
    const byName = intake.files.filter((f) => path.posix.basename(f) === path.posix.basename(name));
    const found = intake.files.includes(name) ? name : byName.length === 1 ? byName[0] : undefined;
    if (found) {
      cpSync(path.join(intake.root, found), path.join(learnerRoot, name));
      placed.push(found);
    } else missing.push(name);
  }
  return { learnerRoot, placed, missing, refused: describeRefusals(intake.refused) };
}

async function main() {
  const autograder = process.env.AUTOGRADER_ROOT ?? '/autograder';
  const results = path.join(autograder, 'results', 'results.json');
  mkdirSync(path.dirname(results), { recursive: true });
  const started = Date.now();
  try {
    const { selector, allowUnisolated, hiddenVisibility } = JSON.parse(readFileSync(path.join(repoRoot, 'deepgrade.gradescope.json'), 'utf8')) as {
      selector: string;
      allowUnisolated?: boolean;
      hiddenVisibility?: string;
    };
    const ids = selectAssignments(repoRoot, selector).map((a) => a.id);
    const work = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-submission-'));
    let report;
    let placement;
    try {
      placement = placeSubmission(path.join(autograder, 'submission'), repoRoot, ids, work);
      const { learnerRoot } = placement;
      // The grader edition: hidden checks and hidden cases count here.
      report = await runGrading({
        root: repoRoot,
        selector,
        hidden: true,
        isolation: allowUnisolated ? 'auto' : 'require',
        learnerRoot,
        learnerFiles: Object.fromEntries(ids.map((id) => [id, path.join(learnerRoot, learnerFileName(repoRoot, id))])),
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const { placed, missing, refused } = placement;
    const out = toGradescope(report, (Date.now() - started) / 1000, { hiddenVisibility });
    const found =
      `Files graded: ${placed.join(', ') || 'none'}.` +
      (missing.length ? ` Not found in your submission (graded as the untouched stub): ${missing.join(', ')}.` : '') +
      (refused ? ` Not taken from your submission (only plain .ts files are graded): ${refused.replace(/^refused: /, '')}.` : '') +
      ` Isolation: ${report.isolation ?? 'unknown'}.`;
    writeFileSync(results, JSON.stringify({ ...out, output: `${out.output}\n${found}` }, null, 2));
  } catch (err) {
    writeFileSync(
      results,
      JSON.stringify({ score: 0, execution_time: Math.round((Date.now() - started) / 1000), output: `Grading could not run: ${(err as Error).message}`, tests: [] }, null, 2),
    );
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
