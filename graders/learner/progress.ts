/**
 * `npm run progress [-- course2 | all | week3 | <id>]`: every assignment and
 * function of the current course (or the one asked for) with its last score,
 * from the reports grading leaves in reports/, and what to do next.
 *
 * Every reports/*.json that is a valid deepgrade report counts, full runs and
 * partial (--only) runs alike; for each function the newest report that graded
 * it wins (its generatedAt when it has one, else the file's modification time).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExerciseStatus, GradeReport } from '../engine/report/model';
import { assignmentFiles, currentCourse, loadCourses, selectAssignments, SelectorError } from '../engine/registry';
import { validator } from '../engine/schemas/validate';
import { graderNames, LearnerError, paint, selectorFor, type LearnerIO } from './common';

export const PROGRESS_USAGE = `Usage: npm run progress [-- <what>]

  npm run progress              your current course (deepgrade.config.json)
  npm run progress -- course2   another course; also all, week3, course1/week4 or an assignment id

Scores come from the reports npm run grade writes in reports/.`;

export type FunctionStatus = ExerciseStatus | 'not-graded';

export interface GradedResult {
  status: ExerciseStatus;
  score: number;
  maxScore: number;
  at: Date;
  /** The report it comes from, relative to the repository. */
  report: string;
}

export interface FunctionProgress {
  name: string;
  status: FunctionStatus;
  result?: GradedResult;
}

export interface AssignmentProgress {
  id: string;
  title: string;
  course: string;
  functions: FunctionProgress[];
}

export interface NextStep {
  id: string;
  name: string;
  status: FunctionStatus;
  result?: GradedResult;
}

/**
 * The newest result of every graded function, by "assignmentId/function", from
 * the valid reports in reportsDir. Files that are not deepgrade reports are
 * listed in `ignored`.
 */
export function latestResults(root: string, reportsDir = path.join(root, 'reports')): { results: Map<string, GradedResult>; reports: number; ignored: string[] } {
  const results = new Map<string, GradedResult>();
  const ignored: string[] = [];
  let reports = 0;
  if (!existsSync(reportsDir)) return { results, reports, ignored };
  const validate = validator('report');
  for (const name of readdirSync(reportsDir).sort()) {
    const file = path.join(reportsDir, name);
    if (!name.endsWith('.json') || !statSync(file).isFile()) continue;
    const rel = path.relative(root, file);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      ignored.push(rel);
      continue;
    }
    if (!validate(data)) {
      ignored.push(rel);
      continue;
    }
    reports++;
    const report = data as GradeReport & { generatedAt?: unknown };
    const stamped = typeof report.generatedAt === 'string' ? new Date(report.generatedAt) : undefined;
    const at = stamped && !Number.isNaN(stamped.getTime()) ? stamped : statSync(file).mtime;
    for (const a of report.assignments) {
      for (const e of a.exercises) {
        if (report.only && !report.only.includes(e.name)) continue;
        const key = `${a.id}/${e.name}`;
        const prev = results.get(key);
        if (!prev || at.getTime() > prev.at.getTime()) results.set(key, { status: e.status, score: e.score, maxScore: e.maxScore, at, report: rel });
      }
    }
  }
  return { results, reports, ignored };
}

/** Every function of the assignments `selector` picks, with its last result. */
export async function collectProgress(root: string, selector: string, results: Map<string, GradedResult>): Promise<AssignmentProgress[]> {
  const picked = selectAssignments(root, selector);
  const out: AssignmentProgress[] = [];
  for (const a of picked) {
    const functions = (await graderNames(root, a.id)).map((name): FunctionProgress => {
      const result = results.get(`${a.id}/${name}`);
      return result ? { name, status: result.status, result } : { name, status: 'not-graded' };
    });
    out.push({ id: a.id, title: a.title, course: a.id.split('/')[0]!, functions });
  }
  return out;
}

/** The first function that fails or passes in part; else the first not attempted or never graded. */
export function nextStep(assignments: AssignmentProgress[]): NextStep | undefined {
  const all = assignments.flatMap((a) => a.functions.map((f) => ({ id: a.id, ...f })));
  return all.find((f) => f.status === 'failed' || f.status === 'partial') ?? all.find((f) => f.status === 'not-attempted' || f.status === 'not-graded');
}

const STATUS_TEXT: Record<FunctionStatus, string> = {
  passed: 'passed',
  partial: 'partial',
  failed: 'failed',
  'not-attempted': 'not attempted',
  'not-graded': 'not graded yet',
};
const STATUS_COLOR: Record<FunctionStatus, number> = { passed: 32, partial: 33, failed: 31, 'not-attempted': 2, 'not-graded': 2 };

const fmt = (x: number) => String(Math.round(x * 100) / 100);
const pad2 = (n: number) => String(n).padStart(2, '0');
const when = (d: Date) => `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;

/** Left text and right text on one line of `width` columns (or one after the other when they do not fit). */
function spread(left: string, right: string, width = 78): string {
  const gap = width - left.length - right.length;
  return gap >= 2 ? `${left}${' '.repeat(gap)}${right}` : `${left}  ${right}`;
}

/** Runs `npm run progress` with these arguments; resolves to the exit code. */
export async function runProgress(argv: string[], io: LearnerIO): Promise<number> {
  try {
    return await progress(argv, io);
  } catch (err) {
    io.err(`${(err as Error).message}\n`);
    return err instanceof LearnerError ? err.exitCode : 1;
  }
}

async function progress(argv: string[], io: LearnerIO): Promise<number> {
  let values: { help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    throw new LearnerError(`${(err as Error).message}\n\n${PROGRESS_USAGE}`, 2);
  }
  if (values.help) {
    io.out(`${PROGRESS_USAGE}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new LearnerError(`One selector at a time.\n\n${PROGRESS_USAGE}`, 2);
  const { root } = io;
  const selector = positionals[0] ?? currentCourse(root);
  const { results, reports, ignored } = latestResults(root);
  let assignments: AssignmentProgress[];
  try {
    assignments = await collectProgress(root, selector, results);
  } catch (err) {
    if (err instanceof SelectorError) throw new LearnerError(err.message, 2);
    throw err;
  }
  const c = (code: number, text: string) => paint(io.color, code, text);
  const courses = loadCourses(root);
  const courseTitle = (id: string) => courses.find((k) => k.id === id)?.title ?? '';
  const lines: string[] = [];

  const courseIds = [...new Set(assignments.map((a) => a.course))];
  const heading = courseIds.length === 1 && selector === courseIds[0] ? `${courseIds[0]} — ${courseTitle(courseIds[0]!)}` : `Progress: ${selector}`;
  lines.push(c(1, heading), '');
  for (const course of courseIds) {
    if (courseIds.length > 1) lines.push(c(1, `${course} — ${courseTitle(course)}`), '');
    for (const a of assignments.filter((x) => x.course === course)) {
      const passed = a.functions.filter((f) => f.status === 'passed').length;
      lines.push(spread(a.id, `${passed} of ${a.functions.length} passed`));
      const graded = a.functions.filter((f) => f.result);
      const points = graded.length ? `, ${fmt(graded.reduce((s, f) => s + f.result!.score, 0))} / ${fmt(graded.reduce((s, f) => s + f.result!.maxScore, 0))} points` : '';
      lines.push(`  ${a.title}${points.length + a.title.length <= 76 ? points : ''}`);
      const width = Math.max(...a.functions.map((f) => f.name.length));
      for (const f of a.functions) {
        const status = STATUS_TEXT[f.status].padEnd(14);
        const score = f.result ? `${fmt(f.result.score)} / ${fmt(f.result.maxScore)}` : '';
        lines.push(`    ${f.name.padEnd(width)}  ${c(STATUS_COLOR[f.status], status)}  ${score}`.trimEnd());
      }
      lines.push('');
    }
  }

  const all = assignments.flatMap((a) => a.functions);
  const passed = all.filter((f) => f.status === 'passed').length;
  const never = all.filter((f) => f.status === 'not-graded').length;
  lines.push(`${passed} of ${all.length} functions passed${never ? `; ${never} not graded yet` : ''}.`);
  const newest = [...results.values()].sort((x, y) => y.at.getTime() - x.at.getTime())[0];
  if (reports === 0) lines.push('No reports in reports/ yet: npm run grade writes one every time it runs.');
  else lines.push(`From ${reports} report${reports === 1 ? '' : 's'} in reports/${newest ? `, the newest ${path.basename(newest.report)} of ${when(newest.at)}` : ''}.`);
  if (ignored.length) lines.push(`(Not deepgrade reports, skipped: ${ignored.map((f) => path.basename(f)).join(', ')}.)`);
  lines.push('');

  const next = nextStep(assignments);
  if (!next) {
    lines.push(c(32, `Every function of ${selector} passes.`));
    const later = courses.findIndex((k) => k.id === selector);
    if (later >= 0 && courses[later + 1]) lines.push(`Next course: ${courses[later + 1]!.id}. Set "course": "${courses[later + 1]!.id}" in deepgrade.config.json.`);
  } else {
    const file = path.relative(root, assignmentFiles(root, next.id).exercise);
    const grade = `npm run grade -- ${next.id} --only ${next.name}`;
    const hintSelector = await selectorFor(root, next.id, next.name);
    const hint = ['npm run hint --', hintSelector, next.name].filter(Boolean).join(' ');
    if (next.status === 'failed' || next.status === 'partial') {
      const md = next.result!.report.replace(/\.json$/, '.md');
      lines.push(`${c(1, 'Next:')} fix ${next.name} (${STATUS_TEXT[next.status]}, ${fmt(next.result!.score)} / ${fmt(next.result!.maxScore)}).`);
      lines.push(`  Your file:       ${file}`);
      lines.push(`  What went wrong: ${existsSync(path.join(root, md)) ? md : next.result!.report}`);
    } else {
      lines.push(`${c(1, 'Next:')} write ${next.name}${next.status === 'not-attempted' ? '' : ' (or grade it, if it is written)'}.`);
      lines.push(`  Your file:       ${file}`);
      lines.push(`  What it must do: ${path.relative(root, assignmentFiles(root, next.id).instructions)}`);
    }
    lines.push('  Then grade it:', `    ${grade}`, '  Stuck?', `    ${hint}`);
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
