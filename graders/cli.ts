/**
 * `npm run grade <selector> [options]`: grades the learner's exercises and
 * prints a summary; writes Markdown, HTML and JSON reports under reports/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { repoRoot } from './engine/paths';
import { SelectorError } from './engine/registry';
import { terminalProgress } from './engine/report/progress';
import { drawAhead, renderReportAsync } from './engine/report/html';
import { mark, printTimings } from './engine/timings';
import { loadTerminalRendering, renderReport, useColor, type ReportFormat } from './engine/report/render';
import { runGrading } from './engine/run';
import { dropPrestartedSandbox } from './engine/sandbox/prestart';
import { npmEatenOptions, parseGradeArgs } from './grade-args';
import { gradeClass, recordInterruption } from './batch/batch';
import { loadGrader, selectAssignments } from './engine/registry';
import { didYouMean } from './engine/suggest';
import { DEFAULT_SEED } from './engine/seed';
import { stopBuilder } from './engine/sandbox/build';

const USAGE = `Usage: npm run grade <what> [-- options]

  <what>   week3            a week of your current course (deepgrade.config.json)
           course1/week4    a week of any course
           course1          a whole course
           all              everything

Options go after --, or npm keeps them for itself:
  npm run grade -- week3 --only computeCost      (or: npm run grade week3 computeCost)
  --format F               print that report on stdout instead of the summary:
                           json, md, html, gradescope (results.json), junit (XML),
                           github (GitHub Classroom's base64 result)
  --only a,b               grade only these functions (reports go to <what>-only-a-b.*)
  --seed N                 the seed for random inputs (default: fixed, printed in the report)
  --min-score P            exit with code 1 when the score is below P percent
  --no-hidden              skip checks that need the reference solutions
  --reports DIR            where report files go (default: reports/)
  --watch                  grade again on every save (the changed functions
                           first, then the whole assignment) until Ctrl-C

Grading a class (instructors):
  --submissions DIR        grade every learner folder in DIR (each a copy of the
                           repository or of its exercises/ folder), in parallel;
                           writes gradebook.csv and summary.json to --out
                           (default reports/batch-<what>/) and resumes an
                           interrupted run
  --workers N              how many learners at once (default: one per core)
  --budget S               seconds one learner's grading may take in all, once
                           their files are built (builds have limits of their own;
                           default: ten times the reference solutions', at least 60)
  --feedback-pictures      draw the pictures in each learner's HTML report
                           (about 60 ms per finished learner)
  --allow-unisolated       grade even where the OS cannot isolate learner code
                           (no bubblewrap / namespaces); the reports record it.
                           Without it, batch grading refuses to run unisolated.

Each learner runs in a fresh sandbox of their own, in Linux namespaces
(bubblewrap) where the machine offers them; the report header says which.
`;

// Options that belong to one way of running: given to another, they would be ignored without a word.
const CLASS_ONLY = ['out', 'workers', 'budget', 'allow-unisolated', 'feedback-pictures'] as const;
const OWN_WORK_ONLY = ['watch', 'format', 'only', 'min-score', 'reports'] as const;

/** What is wrong with this mix of options, or undefined when they go together. */
function optionConflict(values: Record<string, string | boolean | undefined>, functionsNamed: boolean): string | undefined {
  const given = (names: readonly string[]) => names.filter((n) => values[n] !== undefined).map((n) => `--${n}`);
  if (values.submissions) {
    const mine = [...given(OWN_WORK_ONLY), ...(functionsNamed ? ['naming functions to grade'] : [])];
    if (mine.length) return `${mine.join(', ')} ${mine.length === 1 ? 'is' : 'are'} for grading your own exercises, not a class: grading --submissions goes without ${mine.length === 1 ? 'it' : 'them'} (its results go to --out).`;
    return undefined;
  }
  const cls = given(CLASS_ONLY);
  if (cls.length) return `${cls.join(', ')} ${cls.length === 1 ? 'is' : 'are'} for grading a class: ${cls.length === 1 ? 'it goes' : 'they go'} with --submissions DIR.`;
  return undefined;
}

export async function main(argv: string[]): Promise<number> {
  mark("command line read (node and the command's modules loaded)");
  let args;
  try {
    args = parseGradeArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const eaten = npmEatenOptions();
  if (eaten.length) {
    // `npm run grade week3 --seed 3`: npm kept the option for itself (and passed its value on as a word).
    if (eaten.length === 1 && eaten[0] === 'watch') values.watch = true;
    else {
      process.stderr.write(
        `npm kept ${eaten.map((o) => `--${o}`).join(', ')} for itself: options for deepgrade go after --, as in\n` +
          `  npm run grade -- ${positionals[0] ?? 'week3'} ${eaten.map((o) => `--${o} …`).join(' ')}\n`,
      );
      return 2;
    }
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const selector = positionals[0];
  // `npm run grade week3 computeCost`: a second word names the functions, as --only would.
  if (!selector || positionals.length > 2 || (positionals.length === 2 && values.only)) {
    process.stderr.write(`${selector ? `One thing to grade at a time (got ${positionals.join(', ')}).` : 'What should be graded?'}\n\n${USAGE}`);
    return 2;
  }
  const conflict = optionConflict(values, positionals.length === 2);
  if (conflict) {
    process.stderr.write(`${conflict}\n\n${USAGE}`);
    return 2;
  }
  const onlyText = values.only ?? positionals[1];
  const format = values.format;
  const FORMATS = ['json', 'md', 'html', 'gradescope', 'junit', 'github'];
  if (format !== undefined && !FORMATS.includes(format)) {
    process.stderr.write(`--format must be one of ${FORMATS.join(', ')} (got "${format}").\n`);
    return 2;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) {
    process.stderr.write(`--seed must be a whole number from 0 to 4294967295 (got "${values.seed}").\n`);
    return 2;
  }
  const minScore = values['min-score'] === undefined ? undefined : Number(values['min-score']);
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 100)) {
    process.stderr.write(`--min-score is a percentage from 0 to 100 (got "${values['min-score']}").\n`);
    return 2;
  }

  if (values.submissions) {
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
      process.stderr.write(`--workers must be a whole number ≥ 1 (got "${values.workers}").\n`);
      return 2;
    }
    const budget = values.budget === undefined ? undefined : Number(values.budget);
    if (budget !== undefined && !(budget > 0)) {
      process.stderr.write(`--budget is a number of seconds above 0 (got "${values.budget}").\n`);
      return 2;
    }
    return gradeSubmissions(selector, values.submissions, {
      out: values.out ?? path.join(repoRoot, 'reports', `batch-${selector.replace(/[^A-Za-z0-9_-]+/g, '-')}`),
      seed: seed ?? DEFAULT_SEED,
      hidden: !values['no-hidden'],
      workers,
      budgetSeconds: budget,
      allowUnisolated: values['allow-unisolated'] === true,
      feedbackPictures: values['feedback-pictures'] === true,
    });
  }

  if (values.watch) {
    if (format || onlyText !== undefined || minScore !== undefined) {
      process.stderr.write('--watch shows the summary on every save: it goes without --format, --only and --min-score.\n');
      return 2;
    }
    return watchMode(selector, { seed, hidden: !values['no-hidden'], reports: values.reports });
  }

  let report;
  const started = Date.now();
  let only: string[] | undefined;
  try {
    only = onlyText === undefined ? undefined : await checkOnly(selector, onlyText);
    // A progress line on a terminal (only when the summary goes there too), cleared before the report.
    const progress = format ? terminalProgress(process.stderr, false) : terminalProgress(process.stdout, useColor(process.stdout));
    // The terminal report's text wrapping loads while grading waits on the sandbox, not after it.
    if (!format) loadTerminalRendering().catch(() => undefined);
    try {
      report = await runGrading({
        root: repoRoot,
        selector,
        seed,
        only,
        hidden: !values['no-hidden'],
        releaseBuilder: true,
        onStart: (n) => progress.start(n),
        onExercise: (e) => {
          progress.exercise(e);
          // The HTML report's pictures, drawn while the next exercise runs in the sandbox.
          if (e.result) drawAhead(e.result.checks.flatMap((c) => c.plots ?? []));
        },
      });
    } finally {
      progress.stop();
    }
  } catch (err) {
    process.stderr.write(`${err instanceof SelectorError ? '' : 'Grading could not run: '}${(err as Error).message}\n`);
    return 2;
  }

  const reportDir = path.resolve(values.reports ?? path.join(repoRoot, 'reports'));
  // A partial run has reports of its own: the full ones stay as the last full run left them.
  const base = selector.replace(/[^A-Za-z0-9_-]+/g, '-') + (only ? `-only-${only.join('-').slice(0, 80)}` : '');
  const written: string[] = [];
  try {
    mkdirSync(reportDir, { recursive: true });
    for (const ext of ['json', 'md', 'html'] as const) {
      const file = path.join(reportDir, `${base}.${ext}`);
      writeFileSync(file, await renderReportAsync(report, ext));
      written.push(path.relative(process.cwd(), file));
    }
  } catch (err) {
    process.stderr.write(`The reports could not be written to ${reportDir}: ${(err as Error).message}\n`);
  }
  mark('reports written (json, md, html)');

  if (format) process.stdout.write(await renderReportAsync(report, format as ReportFormat, { seconds: (Date.now() - started) / 1000 }));
  else {
    process.stdout.write(await renderReportAsync(report, 'terminal', { color: useColor(process.stdout), width: process.stdout.isTTY ? process.stdout.columns : undefined }));
    if (written.length) process.stdout.write(`Reports: ${written.join(', ')}\n`);
  }
  const percent = report.maxScore > 0 ? (100 * report.score) / report.maxScore : 100;
  return minScore !== undefined && percent < minScore ? 1 : 0;
}

/** `--watch`: grade on every save until Ctrl-C. */
async function watchMode(selector: string, options: { seed?: number; hidden: boolean; reports?: string }): Promise<number> {
  // Loaded only here: it parses TypeScript, and a plain run should not pay for loading the compiler.
  const { quickLine, WatchSession } = await import('./engine/watch');
  await loadTerminalRendering();
  const color = useColor(process.stdout);
  const width = process.stdout.isTTY ? process.stdout.columns : undefined;
  const clear = process.stdout.isTTY ? '\x1b[2J\x1b[H' : '\n';
  const reportDir = path.resolve(options.reports ?? path.join(repoRoot, 'reports'));
  const session = new WatchSession({
    root: repoRoot,
    selector,
    seed: options.seed,
    hidden: options.hidden,
    onPass: (pass) => {
      if (pass.kind === 'quick') {
        process.stdout.write(`\n${quickLine(pass.report.assignments[0]!, pass.ms)}\n`);
        return;
      }
      process.stdout.write(clear + renderReport(pass.report, 'terminal', { color, width }));
      process.stdout.write(`\nWatching ${selector} (${pass.ms} ms). Save a file to grade it again; Ctrl-C to stop.\n`);
      // The report files (pictures take a moment to draw) after the summary, not before it.
      void (async () => {
        mkdirSync(reportDir, { recursive: true });
        const base = pass.assignment.replace(/[^A-Za-z0-9_-]+/g, '-');
        for (const ext of ['json', 'md', 'html'] as const) writeFileSync(path.join(reportDir, `${base}.${ext}`), await renderReportAsync(pass.report, ext));
      })().catch(() => undefined); // reports are a convenience here: the summary above is the result
    },
    onError: (err) => process.stderr.write(`Grading stopped for this save: ${err.message}\n`),
  });
  try {
    await session.start();
  } catch (err) {
    await session.close();
    process.stderr.write(`${err instanceof SelectorError ? '' : 'Watch mode could not start: '}${(err as Error).message}\n`);
    return 2;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await session.close();
  process.stdout.write('\n');
  return 0;
}

/**
 * The functions --only names, checked against the assignments graded: an
 * unknown name is an error with a suggestion, never a silent "0 / 0 (100%)".
 */
async function checkOnly(selector: string, text: string): Promise<string[]> {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const defs = await Promise.all(selectAssignments(repoRoot, selector).map((a) => loadGrader(repoRoot, a.id)));
  const known = defs.flatMap((d) => d.exercises.map((e) => e.name));
  const unknown = names.filter((n) => !known.includes(n));
  if (!names.length || unknown.length) {
    const lines = unknown.map((n) => {
      const guess = didYouMean(n, known);
      return `  ${n}${guess ? `: did you mean ${guess}?` : ''}`;
    });
    throw new SelectorError(
      `${names.length ? `No function named ${unknown.join(', ')} in ${selector}:\n${lines.join('\n')}` : '--only names no function.'}\n` +
        `The functions of ${selector}: ${known.join(', ')}.`,
    );
  }
  return names;
}

async function gradeSubmissions(
  selector: string,
  submissions: string,
  options: { out: string; seed: number; hidden: boolean; workers?: number; budgetSeconds?: number; allowUnisolated: boolean; feedbackPictures: boolean },
): Promise<number> {
  let defs;
  try {
    defs = await Promise.all(selectAssignments(repoRoot, selector).map((a) => loadGrader(repoRoot, a.id)));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const started = Date.now();
  // A progress bar on a terminal (cli-progress); nothing when the output goes to a file or CI log.
  const progressBar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: 'grading the class {bar} {value}/{total}  {learner}', hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic)
    : undefined;
  let barStarted = false;
  const bar = (done: number, total: number, learner: string) => {
    if (!progressBar) return;
    if (!barStarted) {
      progressBar.start(total, done, { learner: '' });
      barStarted = true;
    } else progressBar.update(done, { learner: learner.slice(0, 30) });
  };
  // Ctrl-C: the learners being graded are marked interrupted, so a resumed run grades them again.
  const onSignal = (signal: NodeJS.Signals) => {
    recordInterruption();
    process.stderr.write(`\nStopped (${signal}); run the same command again to resume.\n`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const result = await gradeClass({ ...options, root: repoRoot, defs, submissions: path.resolve(submissions), out: path.resolve(options.out), onProgress: bar });
    progressBar?.stop();
    const seconds = (Date.now() - started) / 1000;
    const errors = result.rows.filter((r) => r.error).length;
    process.stdout.write(
      `Graded ${result.rows.length} submissions (${result.resumed} from an earlier run) in ${seconds.toFixed(1)} s` +
        `${errors ? `; ${errors} with errors (see the "error" column)` : ''}.\n` +
        `Isolation: ${result.isolation}; time budget ${result.budgetSeconds} s per learner.\n` +
        (result.hiddenCases ? '' : 'Hidden cases: left out (--no-hidden): every score comes from the public cases, which the learner edition ships.\n') +
        `Gradebook: ${path.relative(process.cwd(), result.gradebook)}\nSummary:   ${path.relative(process.cwd(), result.summary)}\n` +
        `Feedback:  ${path.relative(process.cwd(), result.feedback)}${path.sep}<learner>${path.sep}report.{md,html,json}\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`Batch grading could not run: ${(err as Error).message}\n`);
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `npm run grade week3 | head`: a reader that stops early is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2))
    .then(async (code) => {
      process.exitCode = code;
      // A sandbox started ahead (launch.mjs) that this run did not use: --help, a mistyped selector.
      dropPrestartedSandbox();
      mark('done');
      printTimings();
      // esbuild keeps a service process for the builds; stop it, or it outlives us.
      await stopBuilder();
    });
}
