/**
 * What Gradescope's run_autograder runs: put the submitted files where the
 * grader expects them, grade, and write /autograder/results/results.json —
 * always, even when grading cannot run, so the learner sees why.
 *
 * AUTOGRADER_ROOT (default /autograder) lets a test run it against a fake tree.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './engine/paths';
import { assignmentFiles, selectAssignments } from './engine/registry';
import { toGradescope } from './engine/report/formats';
import { runGrading } from './engine/run';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * Finds each assignment's learner file in the submission: at its path under
 * exercises/ (a whole repository uploaded), at its path without exercises/,
 * or by its file name alone (a single file uploaded).
 */
export function placeSubmission(submission: string, root: string, ids: string[]): { placed: string[]; missing: string[] } {
  const files = existsSync(submission) ? filesUnder(submission) : [];
  const placed: string[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const candidates = [path.join(submission, 'exercises', `${id}.ts`), path.join(submission, `${id}.ts`)];
    const byName = files.filter((f) => path.basename(f) === `${path.basename(id)}.ts`);
    const found = candidates.find((c) => existsSync(c)) ?? (byName.length === 1 ? byName[0] : undefined);
    if (found) {
      cpSync(found, assignmentFiles(root, id).exercise);
      placed.push(path.relative(submission, found));
    } else missing.push(`${id}.ts`);
  }
  return { placed, missing };
}

async function main() {
  const autograder = process.env.AUTOGRADER_ROOT ?? '/autograder';
  const results = path.join(autograder, 'results', 'results.json');
  mkdirSync(path.dirname(results), { recursive: true });
  const started = Date.now();
  try {
    const { selector } = JSON.parse(readFileSync(path.join(repoRoot, 'deepgrade.gradescope.json'), 'utf8')) as { selector: string };
    const ids = selectAssignments(repoRoot, selector).map((a) => a.id);
    const { placed, missing } = placeSubmission(path.join(autograder, 'submission'), repoRoot, ids);
    const report = await runGrading({ root: repoRoot, selector, hidden: false });
    const out = toGradescope(report, (Date.now() - started) / 1000);
    const found = `Files graded: ${placed.join(', ') || 'none'}.${missing.length ? ` Not found in your submission (graded as the untouched stub): ${missing.join(', ')}.` : ''}`;
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
