/**
 * Batch grading of a class, as a pipeline per learner:
 *
 *   take the submission (copy plain files only) → hash it → a fresh sandbox of
 *   its own → grade within a time budget → close the sandbox → journal the row
 *   and write the learner's own reports.
 *
 * Several learners are graded at a time; nothing of one learner (process,
 * bundles, TensorFlow.js state) is ever seen by another. The journal keys rows
 * by the hash of the learner's files, so an interrupted run resumes where it
 * stopped and a resubmitted learner is graded again.
 */
import { appendFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AssignmentDef } from '../engine/define';
import { buildLearnerFile, gradeAssignment, startAssignment, type HiddenPhase } from '../engine/grade';
import { describeRefusals, intakeHash, takeSubmission, type Intake } from '../engine/intake';
import { gradeReport, roundScore, type AssignmentResult } from '../engine/report/model';
import { renderReportAsync } from '../engine/report/html';
import { renderReport } from '../engine/report/render';
import { assignmentFiles, learnerFileName } from '../engine/registry';
import { Sandbox } from '../engine/sandbox/client';
import { describeIsolation, detectIsolation } from '../engine/sandbox/isolation';
import { isUntouchedStub } from '../engine/stubs';
import { fillsTheMachine } from '../engine/to-run';

export interface LearnerRow {
  learner: string;
  /** The hash of the learner's files as graded (absent when nothing could be taken). */
  hash?: string;
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
  /** Grade without namespaces where the machine has none (recorded in the summary and reports). */
  allowUnisolated?: boolean;
  /** Wall-clock seconds for one learner's whole grading; by default measured from the reference solutions. */
  budgetSeconds?: number;
  /** Draw the pictures in each learner's HTML report (about 60 ms of this process's time per finished learner). */
  feedbackPictures?: boolean;
  onProgress?: (done: number, total: number, learner: string) => void;
}

export interface BatchResult {
  rows: LearnerRow[];
  resumed: number;
  gradebook: string;
  summary: string;
  /** The folder holding each learner's own reports. */
  feedback: string;
  isolation: string;
  budgetSeconds: number;
  /**
   * Whether the hidden cases were graded (not with --no-hidden): without them every score comes from cases the
   * learner edition ships, which code can answer from a table, so the summary and the command's output say so.
   */
  hiddenCases: boolean;
}

const JOURNAL = 'journal.jsonl';

/** The share of a learner's time budget that only their hidden cases may use (see gradeLearner). */
export const HIDDEN_RESERVE = 0.25;

/** Learners being graded right now, by journal: what `recordInterruption` marks when the run is stopped on purpose. */
const inFlight = new Map<string, Set<string>>();

/**
 * Called when the instructor stops a batch (Ctrl-C): the learners being graded
 * are marked interrupted, so a resumed run grades them again. A run that stops
 * any other way (the grading process killed, the machine down) leaves them
 * marked started only, and a resumed run gives them an error row instead of
 * stopping on them a second time.
 */
export function recordInterruption(): void {
  for (const [journalFile, keys] of inFlight) {
    for (const key of keys) {
      const [learner, hash] = key.split('\0');
      appendFileSync(journalFile, JSON.stringify({ learner, hash, interrupted: true }) + '\n');
    }
  }
}

/** The learner folders of a submissions directory, in a stable order (links are listed, then refused). */
export function listSubmissions(dir: string): string[] {
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) throw new Error(`${dir} is not a folder of submissions.`);
  return readdirSync(dir)
    .filter((name) => {
      if (name.startsWith('.')) return false;
      const s = lstatSync(path.join(dir, name));
      return s.isDirectory() || s.isSymbolicLink();
    })
    .sort();
}

type JournalLine =
  | { learner: string; hash: string; started: true }
  | { learner: string; hash: string; interrupted: true }
  | (LearnerRow & { hash?: string; started?: undefined; interrupted?: undefined });

interface Journal {
  rows: Map<string, LearnerRow>;
  /** Unfinished starts per `learner\0hash`. */
  starts: Map<string, number>;
}

function readJournal(file: string): Journal {
  const rows = new Map<string, LearnerRow>();
  const starts = new Map<string, number>();
  if (!existsSync(file)) return { rows, starts };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let entry: JournalLine;
    try {
      entry = JSON.parse(line) as JournalLine;
    } catch {
      continue; // a line cut short by an interruption: that learner is graded again
    }
    const key = `${entry.learner}\0${entry.hash ?? ''}`;
    if ('started' in entry && entry.started) starts.set(key, (starts.get(key) ?? 0) + 1);
    else if ('interrupted' in entry && entry.interrupted) starts.set(key, Math.max(0, (starts.get(key) ?? 0) - 1));
    else {
      rows.set(entry.learner, entry);
      starts.delete(key);
    }
  }
  return { rows, starts };
}

export function rowFor(learner: string, results: AssignmentResult[], hash?: string, refusals = ''): LearnerRow {
  const scores: Record<string, number> = {};
  for (const a of results) for (const e of a.exercises) scores[`${a.id} › ${e.name}`] = e.score;
  const problems = results.flatMap((a) =>
    a.exercises.flatMap((e) =>
      e.checks
        // The grader's own sentence, which names the file: the compiler's lines after it quote the learner's source.
        .filter((c) => c.status === 'error' && FILE_PROBLEM.test(c.message))
        .map((c) => c.message.split('\n')[0]!.trim()),
    ),
  );
  problems.push(...incidents(results));
  if (refusals) problems.unshift(refusals);
  return {
    learner,
    ...(hash ? { hash } : {}),
    scores,
    score: roundScore(results.reduce((s, a) => s + a.score, 0)),
    maxScore: roundScore(results.reduce((s, a) => s + a.maxScore, 0)),
    ...(problems.length ? { error: [...new Set(problems)].join(' | ') } : {}),
  };
}

/** grade.ts's words for a learner file that is missing or does not compile, at the start of a check's message. */
const FILE_PROBLEM = /^exercises\/\S+ (is missing\.|does not compile:)/;

/**
 * The grader's own words in a check's message: what a learner's code threw or printed follows these markers
 * (implementation.ts, describeFailure), and a thrown "ran out of memory" once labelled an incident in the gradebook.
 */
function graderWords(message: string): string {
  const cuts = [' threw an error: ', ' It printed: '].map((marker) => message.indexOf(marker)).filter((i) => i >= 0);
  return cuts.length ? message.slice(0, Math.min(...cuts)) : message;
}

/** What the instructor should know about a learner's run beyond the scores: limits hit, tampering, refused output. */
function incidents(results: AssignmentResult[]): string[] {
  const kinds: [RegExp, string][] = [
    [/time budget for grading this submission \((\d+(?:\.\d+)? s)\)/, 'time budget spent'],
    [/ran past its .* limit|did not finish loading within/, 'ran past the time limit'],
    [/ran out of memory/, 'ran out of memory'],
    [/changed JavaScript or TensorFlow\.js built-ins/, 'changed built-ins'],
    [/sent the grader something it refused/, 'its sandbox was stopped for what it sent'],
    [/stopped the process running it/, 'crashed its sandbox'],
  ];
  const found = new Map<string, Set<string>>();
  for (const a of results) {
    for (const e of a.exercises) {
      for (const c of e.checks) {
        if (c.status === 'passed' || c.status === 'failed' || c.status === 'not-attempted') continue;
        const words = graderWords(c.message);
        const kind = kinds.find(([re]) => re.test(words));
        if (!kind) continue;
        const label = kind[1] === 'time budget spent' ? `time budget (${kind[0].exec(words)![1]}) spent` : kind[1];
        (found.get(label) ?? found.set(label, new Set()).get(label)!).add(e.name);
      }
    }
  }
  return [...found].map(([label, fns]) => (label.startsWith('time budget') ? `${label} before ${[...fns][0]} was graded` : `${label}: ${[...fns].join(', ')}`));
}

export async function gradeClass(options: BatchOptions): Promise<BatchResult> {
  const learners = listSubmissions(options.submissions);
  const isolation = await detectIsolation();
  if (isolation.mode !== 'namespaces' && !options.allowUnisolated) {
    throw new Error(
      `Batch grading runs every learner isolated by the OS, but ${isolation.reason ?? 'namespaces are unavailable here'}. ` +
        'Install bubblewrap (apt-get install bubblewrap), or pass --allow-unisolated to grade with the permission model only; the summary and every report then say so.',
    );
  }
  const isolationText =
    isolation.mode === 'namespaces' ? describeIsolation(isolation) : `${describeIsolation(isolation)} (--allow-unisolated: ${isolation.reason ?? 'no namespaces'})`;
  mkdirSync(options.out, { recursive: true });
  const journalFile = path.join(options.out, JOURNAL);
  const journal = readJournal(journalFile);
  const feedback = path.join(options.out, 'learners');
  const work = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-batch-'));
  const total = learners.length;
  const results = new Map<string, LearnerRow>();
  let resumed = 0;
  let finished = 0;
  options.onProgress?.(0, total, '');

  try {
    // Measured alongside the first learners, not before them; each learner's budget counts from their own start.
    const budget = options.budgetSeconds !== undefined ? Promise.resolve(options.budgetSeconds) : referenceBudget(options);
    budget.catch(() => undefined);
    const queue = learners.map((learner, i) => ({ learner, i }));
    const workers = Math.max(1, Math.min(options.workers ?? os.availableParallelism(), learners.length));
    const runWorker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { learner, i } = next;
        const row = await gradeLearner(learner, path.join(work, String(i)), { ...options, budget, journal, journalFile, feedback, isolationText, workers });
        if (row.resumed) resumed++;
        results.set(learner, row.row);
        options.onProgress?.(++finished, total, learner);
      }
    };
    await Promise.all(Array.from({ length: workers }, runWorker));

    const budgetSeconds = await budget;
    const rows = learners.map((l) => results.get(l)!);
    const columns = options.defs.flatMap((d) => d.exercises.map((e) => `${d.id} › ${e.name}`));
    const gradebook = path.join(options.out, 'gradebook.csv');
    const summary = path.join(options.out, 'summary.json');
    writeFileSync(gradebook, toCsv(rows, columns));
    const hiddenCases = options.hidden !== false;
    writeFileSync(summary, JSON.stringify({ isolation: isolationText, budgetSeconds, hiddenCases, ...summarize(rows) }, null, 2) + '\n');
    return { rows, resumed, gradebook, summary, feedback, isolation: isolationText, budgetSeconds, hiddenCases };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface LearnerContext extends BatchOptions {
  workers: number;
  budget: Promise<number>;
  journal: Journal;
  journalFile: string;
  feedback: string;
  isolationText: string;
}

async function gradeLearner(learner: string, work: string, ctx: LearnerContext): Promise<{ row: LearnerRow; resumed: boolean }> {
  let intake: Intake;
  try {
    intake = takeSubmission(path.join(ctx.submissions, learner), work);
  } catch (err) {
    const row = { ...rowFor(learner, []), error: `the submission could not be taken: ${(err as Error).message}` };
    appendFileSync(ctx.journalFile, JSON.stringify(row) + '\n');
    return { row, resumed: false };
  }
  const hash = intakeHash(intake);
  const earlier = ctx.journal.rows.get(learner);
  if (earlier && earlier.hash === hash) return { row: earlier, resumed: true };
  const key = `${learner}\0${hash}`;
  // An earlier run stopped while grading this very submission (not by the instructor's Ctrl-C): do not let it stop this one too.
  if ((ctx.journal.starts.get(key) ?? 0) > 0) {
    const row = {
      ...rowFor(learner, [], hash),
      error: 'an earlier run stopped while grading this submission, so it was not graded again: grade it alone to see why (npm run grade -- <what> --submissions DIR with only this learner)',
    };
    appendFileSync(ctx.journalFile, JSON.stringify(row) + '\n');
    return { row, resumed: false };
  }
  appendFileSync(ctx.journalFile, JSON.stringify({ learner, hash, started: true }) + '\n');
  const running = inFlight.get(ctx.journalFile) ?? inFlight.set(ctx.journalFile, new Set()).get(ctx.journalFile)!;
  running.add(key);

  const refusals = describeRefusals(intake.refused);
  const results: AssignmentResult[] = [];
  // One learner, one sandbox, one private folder: closed (process killed, bundles deleted) before the next.
  // A 2 MB young generation (one assignment's worth, at the least memory); without V8's helper threads when the
  // workers fill the machine (200 finished week-3 submissions on 2 cores: 80 s instead of 91).
  const tuning = { youngGenerationMb: 2, lean: fillsTheMachine(ctx.workers) };
  const sandbox = new Sandbox({ root: ctx.root, isolation: ctx.allowUnisolated ? 'auto' : 'require', tuning, hiddenCasesApart: true });
  // TensorFlow.js loads in the child while this process builds the learner's bundle; a learner who handed in
  // only untouched stubs (or nothing) runs no code, so no child is started for them (half a second of a core).
  const runsCode = ctx.defs.filter((def) => {
    const file = path.join(intake.root, learnerFileName(ctx.root, def.id));
    return def.kind !== 'quiz' && existsSync(file) && !isUntouchedStub(ctx.root, def.id, file);
  });
  if (runsCode.length) sandbox.warmUp().catch(() => undefined);
  // The learner's files are built before their time budget starts: a build may wait while a classmate's file that
  // stopped the shared build service is built again alone (sandbox/build.ts), and that wait is not this learner's.
  // A build has limits of its own.
  const builds = new Map(
    runsCode.map((def) => [def.id, buildLearnerFile(path.join(intake.root, learnerFileName(ctx.root, def.id)), { root: ctx.root, learnerRoot: intake.root })]),
  );
  await Promise.allSettled(builds.values());
  const started = Date.now();
  // The public cases may spend the budget but its last HIDDEN_RESERVE: that part is kept for the hidden phase, which
  // comes last. A reference check with hidden cases scores the smaller of its public and hidden shares (and a
  // function's properties count only once one of its checks scores), so a hidden phase left no time at all (a slow
  // file that spent the whole budget on its public cases) scored every such check and its properties 0, correct
  // code included. Ending the public phase early instead costs only the checks that did not run. The shown budget
  // is the whole one (the public deadline is set as if the budget had started earlier).
  let hiddenTurn = false;
  let budgetSeconds: number | undefined;
  const applyBudget = (seconds: number) => {
    budgetSeconds = seconds;
    sandbox.setBudget(seconds, hiddenTurn || ctx.hidden === false ? started : started - seconds * 1000 * HIDDEN_RESERVE);
  };
  void ctx.budget.then(applyBudget, () => applyBudget(60));
  let row: LearnerRow;
  try {
    // Every assignment's public cases first, then every hidden one (grade.ts, startAssignment): the learner's code
    // never runs on a public case after it ran on a hidden one, in this assignment or another.
    const hiddenPhases: HiddenPhase[] = [];
    for (const def of ctx.defs) {
      hiddenPhases.push(
        await startAssignment(def, {
          root: ctx.root,
          seed: ctx.seed,
          sandbox,
          hidden: ctx.hidden,
          learnerRoot: intake.root,
          learnerFile: path.join(intake.root, learnerFileName(ctx.root, def.id)),
          ...(builds.has(def.id) ? { built: builds.get(def.id) } : {}),
        }),
      );
    }
    // The hidden phase has the whole budget: its reserve, and what the public cases left of theirs.
    hiddenTurn = true;
    if (budgetSeconds !== undefined) applyBudget(budgetSeconds);
    for (const hiddenPhase of hiddenPhases) results.push(await hiddenPhase());
    row = rowFor(learner, results, hash, refusals);
  } catch (err) {
    // Whatever went wrong, the class goes on: this learner's row says what happened.
    row = { ...rowFor(learner, results, hash, refusals), error: `grading stopped: ${(err as Error).message}` };
  } finally {
    await sandbox.close();
    rmSync(work, { recursive: true, force: true });
  }
  running.delete(key);
  await writeFeedback(ctx, learner, results, refusals);
  appendFileSync(ctx.journalFile, JSON.stringify(row) + '\n');
  return { row, resumed: false };
}

/** The learner's own report, ready to hand back: Markdown, HTML and JSON. */
async function writeFeedback(ctx: LearnerContext, learner: string, results: AssignmentResult[], refusals: string) {
  const dir = path.join(ctx.feedback, learner);
  mkdirSync(dir, { recursive: true });
  const report = gradeReport(ctx.defs.map((d) => d.id).join(', '), ctx.seed, '', results, ctx.isolationText);
  for (const ext of ['md', 'html', 'json'] as const) {
    // Pictures cost this process's time for every learner of the class: drawn when asked for.
    const text = ext === 'html' && !ctx.feedbackPictures ? renderReport(report, 'html') : await renderReportAsync(report, ext);
    writeFileSync(path.join(dir, `report.${ext}`), text);
  }
  if (refusals) writeFileSync(path.join(dir, 'refused.txt'), `Not graded from your submission: ${refusals}\n`);
}

/**
 * The default time budget for one learner: ten times what grading the
 * reference solutions takes here, and never under a minute. Without the
 * solutions (a learner edition), two minutes per assignment.
 */
async function referenceBudget(options: BatchOptions): Promise<number> {
  const solutions = options.defs.map((d) => assignmentFiles(options.root, d.id).solution);
  if (!solutions.every((f) => existsSync(f))) return 120 * options.defs.length;
  const sandbox = new Sandbox({ root: options.root, isolation: options.allowUnisolated ? 'auto' : 'require' });
  const started = Date.now();
  try {
    for (const def of options.defs) {
      await gradeAssignment(def, { root: options.root, seed: options.seed, sandbox, hidden: options.hidden, trusted: true, learnerFile: assignmentFiles(options.root, def.id).solution });
    }
  } finally {
    await sandbox.close();
  }
  return Math.max(60, Math.ceil((10 * (Date.now() - started)) / 1000));
}

function csvCell(v: string | number): string {
  const s = String(v);
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: LearnerRow[], columns: string[]): string {
  const header = ['learner', ...columns, 'total', 'max', 'error'];
  const lines = [header, ...rows.map((r) => [r.learner, ...columns.map((c) => r.scores[c] ?? 0), r.score, r.maxScore, r.error ?? ''])];
  // The byte-order mark tells spreadsheets the file is UTF-8 (the column names hold "›").
  return '\uFEFF' + lines.map((l) => l.map(csvCell).join(',')).join('\n') + '\n';
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
