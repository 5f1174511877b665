/**
 * Batch grading of a class: every submission folder graded in isolation,
 * several at a time (one sandbox per core), results appended to a journal as
 * they finish so an interrupted run resumes where it stopped, then a gradebook.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AssignmentDef } from '../engine/define';
import { gradeAssignment } from '../engine/grade';
import { roundScore, type AssignmentResult } from '../engine/report/model';
import { Sandbox } from '../engine/sandbox/client';

export interface LearnerRow {
  learner: string;
  /** Score per `assignment id › exercise`. */
  scores: Record<string, number>;
  score: number;
  maxScore: number;
  /** Why the submission could not be graded in part or whole, for the instructor. */
  error?: string;
}

export interface BatchOptions {
  root: string;
  defs: AssignmentDef[];
  submissions: string;
  out: string;
  seed: number;
  hidden?: boolean;
  workers?: number;
  onProgress?: (done: number, total: number, learner: string) => void;
}

export interface BatchResult {
  rows: LearnerRow[];
  resumed: number;
  gradebook: string;
  summary: string;
}

const JOURNAL = 'journal.jsonl';

/** The learner folders of a submissions directory, in a stable order. */
export function listSubmissions(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder of submissions.`);
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(path.join(dir, name)).isDirectory())
    .sort();
}

/** A submission is either a whole repository (with exercises/) or just the exercises tree. */
export function learnerRootOf(submission: string): string {
  const nested = path.join(submission, 'exercises');
  return existsSync(nested) ? nested : submission;
}

function readJournal(file: string): Map<string, LearnerRow> {
  const done = new Map<string, LearnerRow>();
  if (!existsSync(file)) return done;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const row = JSON.parse(line) as LearnerRow;
      done.set(row.learner, row);
    } catch {
      // a line cut short by an interruption: that learner is graded again
    }
  }
  return done;
}

export function rowFor(learner: string, results: AssignmentResult[]): LearnerRow {
  const scores: Record<string, number> = {};
  for (const a of results) for (const e of a.exercises) scores[`${a.id} › ${e.name}`] = e.score;
  const problems = results.flatMap((a) =>
    a.exercises.flatMap((e) =>
      e.checks
        .filter((c) => c.status === 'error' && /is missing|does not compile/.test(c.message))
        .map((c) => c.message.split('\n').slice(0, 2).join(' ').trim()),
    ),
  );
  return {
    learner,
    scores,
    score: roundScore(results.reduce((s, a) => s + a.score, 0)),
    maxScore: roundScore(results.reduce((s, a) => s + a.maxScore, 0)),
    ...(problems.length ? { error: [...new Set(problems)].join(' | ') } : {}),
  };
}

export async function gradeClass(options: BatchOptions): Promise<BatchResult> {
  mkdirSync(options.out, { recursive: true });
  const journal = path.join(options.out, JOURNAL);
  const done = readJournal(journal);
  const learners = listSubmissions(options.submissions);
  const todo = learners.filter((l) => !done.has(l));
  const workers = Math.max(1, Math.min(options.workers ?? os.availableParallelism(), todo.length));
  let finished = learners.length - todo.length;
  options.onProgress?.(finished, learners.length, '');

  const queue = [...todo];
  const runWorker = async () => {
    const sandbox = new Sandbox({ root: options.root });
    try {
      for (let learner = queue.shift(); learner !== undefined; learner = queue.shift()) {
        const row = await gradeOne(learner, sandbox, options);
        appendFileSync(journal, JSON.stringify(row) + '\n');
        done.set(learner, row);
        options.onProgress?.(++finished, learners.length, learner);
      }
    } finally {
      await sandbox.close();
    }
  };
  await Promise.all(Array.from({ length: workers }, runWorker));

  const rows = learners.map((l) => done.get(l)!);
  const columns = options.defs.flatMap((d) => d.exercises.map((e) => `${d.id} › ${e.name}`));
  const gradebook = path.join(options.out, 'gradebook.csv');
  const summary = path.join(options.out, 'summary.json');
  writeFileSync(gradebook, toCsv(rows, columns));
  writeFileSync(summary, JSON.stringify(summarize(rows), null, 2) + '\n');
  return { rows, resumed: learners.length - todo.length, gradebook, summary };
}

async function gradeOne(learner: string, sandbox: Sandbox, options: BatchOptions): Promise<LearnerRow> {
  const learnerRoot = learnerRootOf(path.join(options.submissions, learner));
  const results: AssignmentResult[] = [];
  try {
    for (const def of options.defs) {
      results.push(
        await gradeAssignment(def, {
          root: options.root,
          seed: options.seed,
          sandbox,
          hidden: options.hidden,
          learnerRoot,
          learnerFile: path.join(learnerRoot, `${def.id}.ts`),
        }),
      );
    }
    return rowFor(learner, results);
  } catch (err) {
    // Whatever went wrong, the class goes on: this learner's row says what happened.
    return { ...rowFor(learner, results), error: `grading stopped: ${(err as Error).message}` };
  }
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: LearnerRow[], columns: string[]): string {
  const header = ['learner', ...columns, 'total', 'max', 'error'];
  const lines = [header, ...rows.map((r) => [r.learner, ...columns.map((c) => r.scores[c] ?? 0), r.score, r.maxScore, r.error ?? ''])];
  return lines.map((l) => l.map(csvCell).join(',')).join('\n') + '\n';
}

/** Class statistics: mean, median, and a histogram of percentages in tenths. */
export function summarize(rows: LearnerRow[]) {
  const percents = rows.map((r) => (r.maxScore > 0 ? (100 * r.score) / r.maxScore : 0)).sort((a, b) => a - b);
  const histogram = Array.from({ length: 10 }, (_, i) => ({
    range: `${i * 10}–${i === 9 ? 100 : i * 10 + 10}%`,
    learners: percents.filter((p) => (i === 9 ? p >= 90 : p >= i * 10 && p < i * 10 + 10)).length,
  }));
  const mean = percents.length ? percents.reduce((a, b) => a + b, 0) / percents.length : 0;
  return {
    learners: rows.length,
    withErrors: rows.filter((r) => r.error).length,
    meanPercent: Math.round(mean * 10) / 10,
    medianPercent: percents.length ? Math.round(percents[Math.floor(percents.length / 2)]! * 10) / 10 : 0,
    histogram,
    rows: rows.map((r) => ({ learner: r.learner, score: r.score, maxScore: r.maxScore, ...(r.error ? { error: r.error } : {}) })),
  };
}
