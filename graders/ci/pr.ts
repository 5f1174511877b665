/**
 * Grading a learner's pull request with the trusted grader: only the learner's
 * files under exercises/ are taken from the pull request; everything else —
 * graders, fixtures, engine, package files — comes from the base branch, and
 * changes to it are reported and ignored.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describeRefusals, takeSubmission } from '../engine/intake';
import { loadCourses, learnerFileName } from '../engine/registry';
import { mdText } from '../engine/report/render';
import { assertValid } from '../engine/schemas/validate';
import type { GradeReport } from '../engine/report/model';

export interface PrPlan {
  /** Assignments graded: those whose learner file the pull request changes, and those due. */
  assignments: string[];
  /** Changed files outside exercises/: not used for grading. */
  ignored: string[];
  /** Of those, changes to the CI set-up (.github/): the grading workflow is the base branch's, whatever they say. */
  workflowEdits: string[];
  /** What is due (deepgrade.config.json "due"), by assignment id; empty when nothing is set. */
  due: string[];
  /** Why the pull request fails whatever its score: it changes no exercise (of what is due). */
  refusal?: string;
  /** Set when the changed files could not be worked out, so every assignment is graded. */
  note?: string;
  /** What the pull request's exercises/ held that was not graded (links, devices, oversize files). */
  refused?: string;
}

/** Files changed between the merge base of two commits and the head, as git lists them. */
export function changedFiles(repoDir: string, baseSha: string, headSha: string): string[] {
  const out = execFileSync('git', ['diff', '--name-only', `${baseSha}...${headSha}`], { cwd: repoDir, encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

export function planPr(baseRoot: string, changed: string[] | undefined): PrPlan {
  const ids = loadCourses(baseRoot).flatMap((c) => c.assignments.map((a) => a.id));
  const due = dueAssignments(baseRoot, ids);
  if (!changed) return { assignments: ids, ignored: [], workflowEdits: [], due, note: 'The changed files could not be listed, so every assignment is graded.' };
  const touched = new Set<string>();
  const ignored: string[] = [];
  for (const file of changed) {
    const m = /^exercises\/(.+)\.(ts|answers)$/.exec(file);
    if (m && ids.includes(m[1]!)) touched.add(m[1]!);
    else if (!file.startsWith('exercises/')) ignored.push(file);
  }
  const workflowEdits = ignored.filter((f) => f.startsWith('.github/'));
  const assignments = ids.filter((id) => touched.has(id) || due.includes(id));
  const listing = (xs: string[]) => xs.map((id) => `\`exercises/${learnerFileName(baseRoot, id)}\``).join(', ');
  let refusal: string | undefined;
  if (due.length && !due.some((id) => touched.has(id))) {
    refusal = `This pull request changes no exercise that is due. Due: ${listing(due)}. Commit your work on one of them to this branch.`;
  } else if (!due.length && !touched.size) {
    refusal = 'This pull request changes no exercise file (`exercises/…/*.ts`, or a quiz\'s `*.answers`), so there is nothing to grade.';
  }
  return { assignments, ignored, workflowEdits, due, ...(refusal ? { refusal } : {}) };
}

/** The assignments due now, from the grader's deepgrade.config.json ("due": ids, weeks or courses). */
function dueAssignments(root: string, ids: string[]): string[] {
  const file = path.join(root, 'deepgrade.config.json');
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  assertValid('config', data, 'deepgrade.config.json');
  const selectors = (data as { due?: string[] }).due ?? [];
  return ids.filter((id) => selectors.some((s) => id === s || id.startsWith(`${s}/`)));
}

/**
 * The tree to grade: the base branch's files, with the pull request's
 * exercises/ folder (and nothing else) in place of the base's. The learner's
 * folder is taken as data (intake.ts): plain .ts and .md files only; links,
 * devices and oversize files are refused, and `refused` says which.
 */
export function assembleTree(baseRoot: string, headRoot: string, outDir: string): { tree: string; refused: string } {
  rmSync(outDir, { recursive: true, force: true });
  const headExercises = path.join(headRoot, 'exercises');
  const taken = existsSync(headExercises) || lstatOrNull(headExercises)?.isSymbolicLink() ? headRoot : path.join(baseRoot, 'exercises');
  const intake = takeSubmission(taken, outDir);
  for (const name of readdirSync(baseRoot)) {
    if (['.git', 'node_modules', 'reports', '.deepgrade', 'exercises'].includes(name)) continue;
    cpSync(path.join(baseRoot, name), path.join(outDir, name), { recursive: true });
  }
  mkdirSync(intake.root, { recursive: true });
  symlinkSync(path.join(baseRoot, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
  return { tree: outDir, refused: describeRefusals(intake.refused) };
}

function lstatOrNull(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}

export function passes(report: GradeReport, thresholdPercent: number, plan?: PrPlan): boolean {
  if (plan?.refusal) return false;
  const percent = report.maxScore > 0 ? (100 * report.score) / report.maxScore : 100;
  return percent >= thresholdPercent;
}

/** The job summary: the score, the pass threshold, what was ignored, then the full report. */
export function prSummary(report: GradeReport, plan: PrPlan, thresholdPercent: number, reportMarkdown: string): string {
  const percent = report.maxScore > 0 ? Math.round((1000 * report.score) / report.maxScore) / 10 : 100;
  const verdict = plan.refusal
    ? 'failed: no exercise changed'
    : `${passes(report, thresholdPercent) ? 'passed' : 'below'} the pass mark of ${thresholdPercent}%`;
  const lines = [`## deepgrade: ${report.score} / ${report.maxScore} (${percent}%) — ${verdict}`, ''];
  if (plan.refusal) lines.push(`**${plan.refusal}**`, '');
  if (plan.note) lines.push(`> ${plan.note}`, '');
  // File names come from the pull request: shown as text, never as markup.
  if (plan.refused) lines.push(`Not taken from this pull request (${mdText(plan.refused.replace(/^refused: /, ''))}): only plain \`.ts\` and \`.md\` files are graded.`, '');
  if (plan.workflowEdits.length) {
    lines.push(`This pull request changes the CI set-up (${plan.workflowEdits.map(mdText).join(', ')}). Grading ran the base branch's workflow and grader: those changes had no effect.`, '');
  }
  if (plan.ignored.length) {
    lines.push(
      `This pull request also changes files outside \`exercises/\`. They were **ignored**: grading used the base branch's grader.`,
      '',
      ...plan.ignored.slice(0, 50).map((f) => `- ${mdText(f)}`),
      ...(plan.ignored.length > 50 ? [`- … and ${plan.ignored.length - 50} more`] : []),
      '',
    );
  }
  return `${lines.join('\n')}\n${reportMarkdown}`;
}
