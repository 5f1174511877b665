import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildLearnerFile, startAssignment, type GradeOptions } from './grade';
import { stopBuilder, type BuildResult } from './sandbox/build';
import { noteImportedFailures } from './imported-failures';
import { gradeReport, type AssignmentResult, type GradeReport } from './report/model';
import { assignmentFiles, loadGrader, selectAssignments } from './registry';
import { loadTf } from './in-process';
import { IsolationError, Sandbox } from './sandbox/client';
import { dropPrestartedSandbox, takePrestartedSandbox, waitingSandbox } from './sandbox/prestart';
import { sandboxRuntime } from './sandbox/runtime';
import { describeIsolation, detectIsolation } from './sandbox/isolation';
import { DEFAULT_SEED } from './seed';
import { isUntouchedStub } from './stubs';
import { isQuiz } from './quiz/load';
import { mark } from './timings';
import { assignmentsToRun, laneCount, sandboxTuning } from './to-run';

export interface RunOptions {
  root: string;
  selector: string;
  seed?: number;
  only?: string[];
  hidden?: boolean;
  /** Grade these files instead of exercises/<id>.ts, by assignment id. */
  learnerFiles?: Record<string, string>;
  /** The folder those files may import from (default exercises/). */
  learnerRoot?: string;
  /** Reuse a sandbox across runs (tests); otherwise one is started and stopped here. */
  sandbox?: Sandbox;
  /** 'require': refuse to run learner code without namespaces (official channels). Default 'auto'. */
  isolation?: 'require' | 'auto';
  onAssignment?: (result: AssignmentResult) => void;
  /** Told how many functions will be graded, then as each one starts and finishes. */
  onStart?: (functions: number) => void;
  onExercise?: GradeOptions['onExercise'];
  /** See GradeOptions.stubShortcut (default true). */
  stubShortcut?: boolean;
  /**
   * A one-shot command: once the learner files are built and the sandboxes started, stop esbuild's service
   * (a process of ~14 MB) instead of keeping it through grading. Not for a process that builds again later.
   */
  releaseBuilder?: boolean;
}

/** Grades every assignment a selector names and returns the report model. */
export async function runGrading(options: RunOptions): Promise<GradeReport> {
  const seed = options.seed ?? DEFAULT_SEED;
  const picked = selectAssignments(options.root, options.selector);
  // Official channels decide on isolation before anything runs; otherwise a sandbox coming up under namespaces
  // tells, and only a run that starts none asks the probe (a process of its own), alongside the graders' loading.
  const isolation = options.isolation === 'require' ? await detectIsolation() : undefined;
  if (isolation && isolation.mode !== 'namespaces') {
    throw new IsolationError(
      `learner code must run isolated by the OS here, but ${isolation.reason ?? 'namespaces are unavailable'}. ` +
        'Install bubblewrap (apt-get install bubblewrap), or pass --allow-unisolated to grade with the permission model only, which the report then records.',
    );
  }
  // Untouched stubs and quizzes run no learner code (engine/stubs.ts): nothing to start for them.
  const toRun = assignmentsToRun(options.root, picked, options);
  const nothingToRun = toRun === 0;
  const lanes = laneCount(toRun, options);
  const tuning = sandboxTuning(toRun, lanes);
  // Within one assignment, a second sandbox (its functions split between the two) pays for itself only with
  // cores to spare: each loads TensorFlow.js, and so does this process for hidden checks. Measured on 2 cores,
  // one sandbox is faster (2.1 s vs 2.5 s).
  const count = lanes > 1 ? lanes : os.availableParallelism() >= 4 ? 2 : 1;
  // `npm run grade` may have started a sandbox before this module loaded (sandbox/prestart.ts): the first one is that.
  if (nothingToRun || options.sandbox || options.isolation !== undefined) dropPrestartedSandbox();
  const prestarted = takePrestartedSandbox(options.root, tuning);
  // One started for another tuning (a file changed in between): not this run's.
  if (waitingSandbox(options.root)) dropPrestartedSandbox();
  const sandboxes = options.sandbox
    ? [options.sandbox]
    : Array.from(
        { length: count },
        // The official channels (Gradescope, pull requests) say how strict isolation must be: there, hidden cases are
        // secret from the learner, and run in a child of their own (SandboxOptions.hiddenCasesApart).
        (_, i) => (i === 0 ? prestarted : undefined) ?? new Sandbox({ root: options.root, isolation: options.isolation, tuning, hiddenCasesApart: options.isolation !== undefined }),
      );
  // TensorFlow.js takes a moment to load in a sandbox: start them while the graders load.
  // (Should a stub change in the meantime, the sandbox starts on its first call instead.)
  const warm = options.sandbox || nothingToRun
    ? Promise.resolve()
    : Promise.all(sandboxes.map((s) => s.warmUp())).catch((err: unknown) => {
        throw new Error(`the sandbox for learner code could not start: ${(err as Error).message}`);
      });
  warm.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
  const probe = nothingToRun ? detectIsolation() : undefined;
  // The learner files are built while the sandboxes start and the graders load.
  const builds = new Map<string, Promise<BuildResult>>();
  if (!nothingToRun) {
    for (const a of picked) {
      const file = options.learnerFiles?.[a.id] ?? assignmentFiles(options.root, a.id).exercise;
      if (isQuiz(options.root, a.id) || !existsSync(file) || (options.stubShortcut !== false && isUntouchedStub(options.root, a.id, file))) continue;
      const built = buildLearnerFile(file, { root: options.root, learnerRoot: options.learnerRoot });
      built.catch(() => undefined); // awaited when the assignment is graded; this only keeps it from counting as unhandled
      builds.set(a.id, built);
    }
  }
  // Once the learner files and the sandbox's runtime are built, nothing here builds again: stop esbuild then,
  // rather than keep it (a process of ~14 MB) beside the sandbox while TensorFlow.js loads.
  const released = options.releaseBuilder && builds.size ? Promise.allSettled([...builds.values(), sandboxRuntime()]).then(stopBuilder).catch(() => undefined) : undefined;
  try {
    const defs = await Promise.all(picked.map((a) => loadGrader(options.root, a.id)));
    mark('graders loaded');
    // Hidden checks and TF.js oracles run here: load TensorFlow.js now, alongside the sandbox's start.
    const needsTf = !nothingToRun && defs.some(
      (d) =>
        d.exercises.some((e) => e.checks.some((c) => c.usesTf)) ||
        (options.hidden !== false &&
          d.exercises.some((e) => e.checks.some((c) => c.hidden)) &&
          existsSync(assignmentFiles(options.root, d.id).solution)),
    );
    const tfLoaded = needsTf ? loadTf().then(() => mark('TensorFlow.js loaded in the grading process'), () => undefined) : undefined;
    options.onStart?.(defs.reduce((n, d) => n + d.exercises.filter((e) => !options.only || options.only.includes(e.name)).length, 0));
    await Promise.all([warm.then(() => mark(lanes > 1 ? `sandboxes ready (${lanes} lanes)` : 'sandbox ready')), tfLoaded]);
    await released;
    // Lane k grades the assignments with learner code numbered k, k + lanes, … in the selection (the others run
    // nothing and go to lane 0): the same split every run, each lane one after another in its own sandbox.
    const laneOf = new Map([...builds.keys()].map((id, k) => [id, k % lanes]));
    const tails = Array.from({ length: lanes }, () => Promise.resolve());
    const started = defs.map((def) => {
      const lane = laneOf.get(def.id) ?? 0;
      const result = tails[lane]!.then(() =>
        startAssignment(def, {
          root: options.root,
          seed,
          only: options.only,
          hidden: options.hidden,
          learnerFile: options.learnerFiles?.[def.id],
          learnerRoot: options.learnerRoot,
          onExercise: options.onExercise,
          sandbox: lanes > 1 ? sandboxes[lane]! : sandboxes,
          stubShortcut: options.stubShortcut,
          built: builds.get(def.id),
        }),
      );
      tails[lane] = result.then(
        () => undefined,
        () => undefined,
      );
      result.catch(() => undefined); // awaited below, in order; this only keeps a later lane's failure from counting as unhandled
      return result;
    });
    // Official grading: every call on a hidden case after every call on a public one, of every assignment and lane
    // (grade.ts, startAssignment). Elsewhere each assignment finishes as soon as it is graded.
    const hiddenLast = sandboxes.some((s) => s.separatesHiddenCases);
    const allStarted = Promise.allSettled(started);
    const graded = started.map(async (phase) => {
      if (hiddenLast) await allStarted;
      return (await phase)();
    });
    graded.forEach((g) => g.catch(() => undefined));
    // Told and reported in the selection's order, whichever lane finishes first.
    const results: AssignmentResult[] = [];
    // Where gradeAssignment read each learner file (its report names it as it sits in the learner's exercises/).
    const learnerFileOf = (r: AssignmentResult) =>
      options.learnerFiles?.[r.id] ?? (options.learnerRoot ? path.join(options.learnerRoot, path.relative('exercises', r.file)) : path.join(options.root, r.file));
    for (const [i, pending] of graded.entries()) {
      const result = noteImportedFailures(await pending, results, learnerFileOf);
      mark(`graded ${defs[i]!.id}`);
      options.onAssignment?.(result);
      results.push(result);
    }
    const report = gradeReport(options.selector, seed, packageVersion(options.root), results, describeIsolation(await (probe ?? detectIsolation())));
    return { ...report, ...(options.only ? { only: options.only } : {}), generatedAt: new Date().toISOString() };
  } finally {
    if (!options.sandbox) await Promise.all(sandboxes.map((s) => s.close()));
  }
}

export { laneCount } from './to-run';

function packageVersion(root: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
