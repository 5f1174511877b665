/**
 * The grading pipeline, one small step after another: build the learner's
 * module, load the stored cases, run each exercise's checks in the sandbox,
 * then explain failures that come from a prerequisite.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultsCheck, DEFAULTS_CHECK } from './checks/defaults';
import { runGradientCheck } from './checks/gradient';
import { baseResult, notAttemptedResult, unexpectedResult } from './checks/outcome';
import { runPropertyCheck } from './checks/property';
import { startReferenceCheck, type HiddenTurn } from './checks/reference';
import type { ArgumentsRule, AssignmentDef, CheckContext, CheckDef, ExerciseDef, PropertyCheckDef } from './define';
import { fixtureKey, hiddenCaseCount, loadFixtures, loadHiddenFixtures, withHiddenCases, type FixtureFile } from './fixtures';
import { callSeed } from './call-seed';
import { propertiesAfterCases } from './credit';
import { CallFailure, type CallOutcome, type Implementation } from './implementation';
import { inProcessImplementation, loadTf } from './in-process';
import { assignmentResult, exerciseResult, type AssignmentResult, type CheckResult, type ExerciseResult } from './report/model';
import { assignmentFiles } from './registry';
import { buildModule, type BuildResult } from './sandbox/build';
import { Sandbox } from './sandbox/client';
import { checkSeed, gradientCheckSeed, hiddenCheckSeed } from './seed';
import { isUntouchedStub } from './stubs';
import { gradeQuiz } from './quiz/grade';
import { movePlots } from './report/plots';
import { repoRoot } from './paths';
import { checkTime, mark } from './timings';
import { listing } from './show';

export interface GradeOptions {
  root: string;
  seed: number;
  /** Grade only these exercises (by function name). */
  only?: string[];
  /** Run hidden checks where the reference solution is present (default true). */
  hidden?: boolean;
  /** The file to grade instead of exercises/<id>.ts (tests grade solutions and mutants this way). */
  learnerFile?: string;
  /** The folder holding the learner's files, which their code may import from (default exercises/). */
  learnerRoot?: string;
  /** Instructor code (solutions, mutants): may import anything. Never for learner files. */
  trusted?: boolean;
  /** Where learner code runs. With several, exercise i runs in sandbox i mod n: the same split every run. */
  sandbox: Sandbox | Sandbox[];
  /** Told as each exercise starts and finishes (progress display). */
  onExercise?: (event: { assignment: string; exercise: string; result?: ExerciseResult }) => void;
  /** Grade a file identical to the shipped stub without running it (engine/stubs.ts; default true). */
  stubShortcut?: boolean;
  /** The learner's file built already (buildLearnerFile), e.g. while the sandbox started. */
  built?: Promise<BuildResult>;
  /**
   * Run the independent parts of a check at once, their calls sent to the sandbox together (checks/overlap.ts;
   * default true, or false with DEEPGRADE_NO_OVERLAP=1). The grade is the same either way, only slower one by one.
   */
  overlap?: boolean;
}

/** Builds a learner's file for the sandbox: learner code may import only from its own folder and lib/. */
export function buildLearnerFile(learnerFile: string, options: Pick<GradeOptions, 'root' | 'learnerRoot' | 'trusted'>): Promise<BuildResult> {
  const learnerRoot = options.learnerRoot ?? path.join(options.root, 'exercises');
  const lib = path.join(options.root, 'lib');
  // A learner grading their own exercises/ again: their unchanged file's build is kept (sandbox/kept-builds.ts).
  // Never for files handed in (a class, a pull request, Gradescope): those are built from what was handed in.
  const own = !options.learnerRoot && path.resolve(options.root) === repoRoot;
  return buildModule(
    learnerFile,
    options.root,
    options.trusted
      ? {}
      : // Learner files import lib/ as it sits next to exercises/; that lib/ is always the grader's own.
        {
          allowedDirs: [learnerRoot, lib],
          redirects: [[path.join(path.dirname(learnerRoot), 'lib'), lib]],
          ...(own ? { keepIn: path.join(repoRoot, '.deepgrade', 'builds') } : {}),
        },
  );
}

export async function gradeAssignment(def: AssignmentDef, options: GradeOptions): Promise<AssignmentResult> {
  return (await startAssignment(def, options))();
}

/** What is left of grading an assignment once every call on a public case has been made: its hidden cases' turn. */
export type HiddenPhase = () => Promise<AssignmentResult>;

/**
 * gradeAssignment in two phases. Official grading (sandboxes that keep hidden cases apart) makes every call on a
 * hidden case after every call on a public one: here and now the public ones; the hidden ones, and the judging of
 * the checks that have them, when the returned function is called. A learner graded on several assignments has all
 * of them started before any is finished (batch, run.ts): code that ran on a hidden case is never followed by code
 * whose output, message or timing (how long the hidden calls took, read from the clock) a report shows.
 */
export async function startAssignment(def: AssignmentDef, options: GradeOptions): Promise<HiddenPhase> {
  const done = (result: AssignmentResult): HiddenPhase => async () => result;
  if (def.kind === 'quiz') return done(await gradeQuiz(def, options));
  const files = assignmentFiles(options.root, def.id);
  const learnerFile = options.learnerFile ?? files.exercise;
  // A learner's file is named as it sits in their exercises/, wherever grading keeps its copy.
  const relFile =
    options.learnerRoot && learnerFile.startsWith(options.learnerRoot + path.sep)
      ? path.join('exercises', path.relative(options.learnerRoot, learnerFile))
      : path.relative(options.root, learnerFile);
  const exercises = def.exercises.filter((e) => !options.only || options.only.includes(e.name));
  const reference =
    options.hidden !== false && existsSync(files.solution) ? inProcessImplementation(files.solution, 'the reference solution') : undefined;
  let fixtures: FixtureFile | undefined;
  let fixtureError: string | undefined;
  let hiddenCasesRun = false;
  try {
    fixtures = loadFixtures(options.root, def.id);
    // The grader edition adds its hidden cases to the public ones; the learner edition has none.
    const hiddenCases = options.hidden !== false ? loadHiddenFixtures(options.root, def.id) : undefined;
    if (hiddenCases) fixtures = withHiddenCases(fixtures, hiddenCases);
    hiddenCasesRun = !!hiddenCases;
  } catch (err) {
    fixtureError = (err as Error).message;
  }
  // Without the reference solution (the learner edition, --no-hidden), hidden checks do not exist. A function whose
  // signature has literal defaults (recorded in the fixtures) gets one more check, last: checks/defaults.ts.
  const checksByExercise = new Map<ExerciseDef, CheckDef[]>();
  const checksOf = (e: ExerciseDef): CheckDef[] => {
    let checks = checksByExercise.get(e);
    if (!checks) {
      const defaults = fixtures?.defaults?.[e.name];
      checks = [...e.checks.filter((c) => !c.hidden || reference), ...(defaults?.length ? [defaultsCheck(e.name, defaults)] : [])];
      checksByExercise.set(e, checks);
    }
    return checks;
  };

  // One problem with the whole file is said once, on the first check; the others point to it.
  const everyCheck = (status: CheckResult['status'], message: string, short: string) => {
    let first = true;
    return assignmentResult(
      def.id,
      def.title,
      relFile,
      exercises.map((e) =>
        exerciseResult(
          e.name,
          e.dependsOn ?? [],
          checksOf(e).map((c) => {
            // The rest are "skipped": reports show the one error, not the same one per check.
            const result = first ? baseResult(c, status, message) : baseResult(c, 'skipped', short);
            first = false;
            return result;
          }),
        ),
      ),
    );
  };

  if (!existsSync(learnerFile)) {
    return done(everyCheck('error', `${relFile} is missing. Restore it from the repository (git checkout -- ${relFile}).`, `Not run: ${relFile} is missing (see above).`));
  }
  if (options.stubShortcut !== false && isUntouchedStub(options.root, def.id, learnerFile)) return done(await untouchedStub(def, exercises, checksOf, relFile, !!reference, options));
  const built = await (options.built ?? buildLearnerFile(learnerFile, options));
  mark(`built ${relFile}`);
  if (!built.ok) return done(everyCheck('error', `${relFile} does not compile:\n${built.message}`, `Not run: ${relFile} does not compile (see the first error above).`));

  // Per exercise, per check: the learner functions the check itself called.
  const calls = new Map<string, Set<string>[]>();
  const hung = new Map<string, number>();
  const overlap = options.overlap ?? !process.env.DEEPGRADE_NO_OVERLAP;
  const sandboxes = Array.isArray(options.sandbox) ? options.sandbox : [options.sandbox];
  // Official grading: the hidden cases' calls wait for the returned hidden phase (see startAssignment).
  const hiddenLast = sandboxes.some((s) => s.separatesHiddenCases);
  const hiddenTurns: { checks: (CheckResult | HiddenTurn)[]; i: number }[] = [];
  const gradeExercise = async (exercise: ExerciseDef, learner: Implementation, sandbox: Sandbox): Promise<(CheckResult | HiddenTurn)[]> => {
    const checks: (CheckResult | HiddenTurn)[] = [];
    const called: Set<string>[] = [];
    for (const check of checksOf(exercise)) {
      // After one time-out, the rest of this function's checks would most likely wait out their limits too.
      const timedOut = checks.find((c): c is CheckResult => 'status' in c && c.status === 'timeout');
      const spent = sandbox.budgetSpent();
      const fns = new Set<string>();
      called.push(fns);
      checks.push(
        spent
          ? baseResult(check, 'timeout', budgetMessage(spent.seconds))
          : timedOut
            ? baseResult(check, 'timeout', `Not run: the check "${timedOut.name}" of ${exercise.name} already ran past its time limit.`)
            : await timedCheck(`${def.id} ${exercise.name} / ${check.name}`, () =>
                runCheck(def, exercise, check, { learner, reference, fixtures, fixtureError, seed: options.seed, called: fns, hung, overlap, argumentsUnchanged: def.argumentsUnchanged ?? false, hiddenLast }),
              ),
      );
      if (!('status' in checks[checks.length - 1]!)) hiddenTurns.push({ checks, i: checks.length - 1 });
    }
    calls.set(exercise.name, called);
    return checks;
  };
  const finished = (exercise: ExerciseDef, checks: (CheckResult | HiddenTurn)[]) =>
    exerciseResult(exercise.name, exercise.dependsOn ?? [], signatureLast(exercise.name, propertiesAfterCases(exercise.name, stubbedThroughout(checks as CheckResult[]))));

  const exerciseChecks: (CheckResult | HiddenTurn)[][] = new Array(exercises.length);
  await Promise.all(
    sandboxes.map(async (sandbox, j) => {
      const learner = sandbox.implementation(sandbox.install(built));
      for (let i = j; i < exercises.length; i += sandboxes.length) {
        const exercise = exercises[i]!;
        const spent = sandbox.budgetSpent();
        if (spent) {
          exerciseChecks[i] = checksOf(exercise).map((c) => baseResult(c, 'timeout', budgetMessage(spent.seconds)));
          continue;
        }
        options.onExercise?.({ assignment: def.id, exercise: exercise.name });
        exerciseChecks[i] = await gradeExercise(exercise, learner, sandbox);
        mark(`  ${exercise.name}`);
        if (!hiddenLast) options.onExercise?.({ assignment: def.id, exercise: exercise.name, result: finished(exercise, exerciseChecks[i]!) });
      }
    }),
  );
  return async () => {
    // The hidden cases' turn: all of them at once (each check's calls still run in order in its sandbox's second child).
    await Promise.all(hiddenTurns.map(async ({ checks, i }) => (checks[i] = await (checks[i] as HiddenTurn).hiddenTurn())));
    const results = exercises.map((e, i) => finished(e, exerciseChecks[i]!));
    if (hiddenLast) results.forEach((result, i) => options.onExercise?.({ assignment: def.id, exercise: exercises[i]!.name, result }));
    return withOfficialOnly(assignmentResult(def.id, def.title, relFile, explainPrerequisites(results, calls)), exercises, !!reference, hiddenCasesRun, options.root, def.id);
  };
}

/**
 * The stub as shipped, graded without running it: every check "not attempted",
 * as its functions' not-implemented errors make them (engine/stubs.ts). The
 * stored cases are read as a run reads them, for what the report says about
 * hidden cases.
 */
function untouchedStub(
  def: AssignmentDef,
  exercises: ExerciseDef[],
  checksOf: (e: ExerciseDef) => CheckDef[],
  relFile: string,
  hasReference: boolean,
  options: GradeOptions,
): AssignmentResult {
  let hiddenCasesRun = false;
  try {
    loadFixtures(options.root, def.id);
    hiddenCasesRun = options.hidden !== false && !!loadHiddenFixtures(options.root, def.id);
  } catch {
    // as in a run: unreadable cases mean no hidden cases run
  }
  const results = exercises.map((e) => {
    options.onExercise?.({ assignment: def.id, exercise: e.name });
    const result = exerciseResult(e.name, e.dependsOn ?? [], checksOf(e).map((c) => notAttemptedResult(c, e.name)));
    options.onExercise?.({ assignment: def.id, exercise: e.name, result });
    return result;
  });
  return withOfficialOnly(assignmentResult(def.id, def.title, relFile, results), exercises, hasReference, hiddenCasesRun, options.root, def.id);
}

/** Notes what the official grade adds that this run could not: hidden checks (no reference solution) and hidden cases. */
function withOfficialOnly(
  result: AssignmentResult,
  exercises: ExerciseDef[],
  hasReference: boolean,
  hiddenCasesRun: boolean,
  root: string,
  id: string,
): AssignmentResult {
  const hiddenCheckPoints = hasReference ? 0 : exercises.flatMap((e) => e.checks).filter((c) => c.hidden).reduce((s, c) => s + c.points, 0);
  const hasReferenceChecks = exercises.some((e) => e.checks.some((c) => c.kind === 'reference'));
  // The learner edition knows how many hidden cases there are (never what they are): say it only where there are some.
  const hiddenCases = !hiddenCasesRun && hasReferenceChecks && (hiddenCaseCount(root, id) ?? 1) > 0;
  return hiddenCheckPoints || hiddenCases ? { ...result, officialOnly: { hiddenCheckPoints, hiddenCases } } : result;
}

function budgetMessage(seconds: number): string {
  return `Not run: the time budget for grading this submission (${seconds} s) was spent.`;
}

interface CheckEnv {
  learner: Implementation;
  /** Functions that ran past their limit in this run, with the limit: later calls are not run. */
  hung: Map<string, number>;
  reference?: Implementation;
  fixtures?: FixtureFile;
  fixtureError?: string;
  seed: number;
  /** Filled with the learner functions the check calls. */
  called: Set<string>;
  /** Whether independent parts of a check may run at once (checks/overlap.ts). */
  overlap: boolean;
  /** AssignmentDef.argumentsUnchanged: every learner call is asked to leave its records as they were. */
  argumentsUnchanged: ArgumentsRule;
  /** Reference checks leave their hidden cases for later (checks/reference.ts, startReferenceCheck). */
  hiddenLast: boolean;
}

async function timedCheck<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  checkTime(label, performance.now() - start);
  return result;
}

async function runCheck(def: AssignmentDef, exercise: ExerciseDef, check: CheckDef, env: CheckEnv): Promise<CheckResult | HiddenTurn> {
  const printed = new PrintedOutput();
  const seed =
    check.kind === 'gradient'
      ? gradientCheckSeed(def.id, exercise.name, check.name)
      : check.hidden
        ? hiddenCheckSeed(env.seed, def.id, exercise.name, check.name)
        : checkSeed(env.seed, def.id, exercise.name, check.name);
  const ctx = checkContext(env, check, { printed: (o) => printed.add(o), called: (fn) => env.called.add(fn) }, seed);
  // What the learner's code printed during this check, whatever the check's outcome.
  const withOutput = (result: CheckResult): CheckResult => (printed.text ? { ...result, output: printed.text } : result);
  let result: CheckResult;
  try {
    switch (check.kind) {
      case 'reference': {
        if (env.fixtureError) return baseResult(check, 'error', `The stored cases could not be read: ${env.fixtureError}`);
        const started = await startReferenceCheck(check, exercise.name, env.fixtures?.checks[fixtureKey(exercise.name, check.name)]?.cases, ctx, env.hiddenLast);
        if ('hiddenTurn' in started) {
          return { hiddenTurn: () => started.hiddenTurn().then(withOutput, (err: unknown) => withOutput(unexpectedResult(check, err))) };
        }
        result = started;
        break;
      }
      case 'property': {
        if (!check.hidden) {
          result = await runPropertyCheck(check, exercise.name, ctx, seed);
          break;
        }
        // A hidden check's random inputs are kept like hidden cases: its calls go to the hidden child, screened, after
        // every public call (official grading), and its result shows neither inputs nor values (screenedHiddenProperty).
        const hiddenRun = async () => screenedHiddenProperty(check, await runPropertyCheck(check, exercise.name, withHiddenInputs(ctx), seed));
        if (env.hiddenLast) return { hiddenTurn: () => hiddenRun().then(withOutput, (err: unknown) => withOutput(unexpectedResult(check, err))) };
        result = await hiddenRun();
        break;
      }
      case 'gradient':
        result = await runGradientCheck(check, exercise.name, ctx, seed, env.fixtures?.gradientCosts?.[fixtureKey(exercise.name, check.name)]);
        break;
    }
  } catch (err) {
    result = unexpectedResult(check, err);
  }
  return withOutput(result);
}

/** Where a check context's calls leave what they printed and which learner functions they called. */
interface CallLog {
  printed(output: string): void;
  called(fn: string): void;
}

function checkContext(env: CheckEnv, check: CheckDef, log: CallLog, seed: number, signal?: AbortSignal): CheckContext {
  const ctx: CheckContext = {
    learner: env.learner,
    reference: check.hidden ? env.reference : undefined,
    tf: loadTf,
    call: async (fn, args, options) => {
      log.called(fn);
      // A function that already ran past its limit in this run would most likely do it again: say so now.
      const hungFor = env.hung.get(fn);
      if (hungFor !== undefined) throw new CallFailure(fn, { status: 'timeout', limitMs: hungFor, phase: 'earlier' });
      const answered = await env.learner.call(fn, args, {
        timeoutMs: check.timeoutMs,
        signal,
        randomSeed: callSeed(seed, fn, args),
        ...(env.argumentsUnchanged ? { recordsUnchanged: env.argumentsUnchanged } : {}),
        ...options,
      });
      const outcome = options?.hiddenInputs ? screenedHidden(answered, fn) : answered;
      if ('output' in outcome) log.printed(options?.hiddenInputs ? withheld(outcome.output) : outcome.output);
      if (outcome.status === 'timeout' && outcome.phase === undefined) env.hung.set(fn, outcome.limitMs);
      if (outcome.status !== 'ok') throw new CallFailure(fn, outcome);
      return outcome.value;
    },
  };
  if (env.overlap) {
    // A part's calls are logged apart and replayed into this context when the check keeps that part.
    ctx.branch = (branchSignal) => {
      const printed: string[] = [];
      const called: string[] = [];
      // Given up with this context, or on its own.
      const both = signal ? AbortSignal.any([signal, branchSignal]) : branchSignal;
      const branch = checkContext(env, check, { printed: (o) => printed.push(o), called: (fn) => called.push(fn) }, seed, both);
      return {
        ctx: branch,
        keep: () => {
          called.forEach((fn) => log.called(fn));
          printed.forEach((o) => log.printed(o));
          movePlots(branch, ctx);
        },
      };
    };
  }
  return ctx;
}

/** The console output of a check's calls, joined and capped: a print in a loop of a hundred runs stays readable. */
class PrintedOutput {
  private static readonly MAX = 4000;
  text = '';
  private cut = false;
  add(output: string) {
    if (!output || this.cut) return;
    if (this.text.length + output.length > PrintedOutput.MAX) {
      this.text += output.slice(0, Math.max(0, PrintedOutput.MAX - this.text.length)) + '\n… (more output cut)\n';
      this.cut = true;
    } else this.text += output;
  }
}

/**
 * A stub is a stub for every check: when one check reached the exercise's own
 * not-implemented error, checks that stopped earlier (in a prerequisite the check
 * called first) are "not attempted" too, not errors.
 */
function stubbedThroughout(checks: CheckResult[]): CheckResult[] {
  const stub = checks.find((c) => c.status === 'not-attempted');
  if (!stub) return checks;
  // The stub's signature is the course's: its defaults earn nothing until the function does something.
  const unearned = (c: CheckResult) => c.status === 'error' || c.status === 'failed' || (c.name === DEFAULTS_CHECK && checks.every((o) => o === c || o.status !== 'passed'));
  // As a check not attempted reads when nothing ran (no seed: nothing was drawn that counts).
  const notAttempted = ({ seed: _seed, ...c }: CheckResult): CheckResult => ({ ...c, status: 'not-attempted', score: 0, message: stub.message });
  return checks.map((c) => (unearned(c) ? notAttempted(c) : c));
}

/**
 * The signature's defaults are a function's last point: they count once every other check of the function passes.
 * The stub's signature is already right, so on its own it earns nothing — not for a stub, a file that answers
 * only the public cases from a table, or one whose every call crashes. A wrong default fails as it is.
 */
function signatureLast(fn: string, checks: CheckResult[]): CheckResult[] {
  const others = checks.filter((c) => c.name !== DEFAULTS_CHECK);
  if (others.every((c) => c.status === 'passed')) return checks;
  return checks.map((c) =>
    c.name === DEFAULTS_CHECK && c.status === 'passed'
      ? { ...c, status: 'skipped', score: 0, message: `Counted once every other check of ${fn} passes: the signature alone earns nothing.` }
      : c,
  );
}

/**
 * When a check fails and a function it relies on is not passing either, say so:
 * the learner should fix that one first rather than chase two failures. A check
 * relies on what its exercise calls (`dependsOn`) and on what the check itself called.
 */
function explainPrerequisites(results: ExerciseResult[], calls: Map<string, Set<string>[]>): ExerciseResult[] {
  const failing = new Set(results.filter((r) => r.status !== 'passed').map((r) => r.name));
  return results.map((r) => {
    if (r.status === 'passed' || r.status === 'not-attempted') return r;
    const checks = r.checks.map((c, k) => {
      if (c.status === 'passed' || c.status === 'skipped' || c.status === 'not-attempted') return c;
      const used = new Set([...r.dependsOn, ...(calls.get(r.name)?.[k] ?? [])]);
      const broken = [...used].filter((d) => d !== r.name && failing.has(d));
      if (!broken.length) return c;
      const them = broken.length > 1;
      const note = `Fix ${listing(broken.map((b) => `\`${b}\``))} first: this check relies on ${them ? 'them' : 'it'}, and ${them ? 'they are' : 'it is'} not passing yet.`;
      return { ...c, message: `${note} ${c.message}` };
    });
    return { ...r, checks };
  });
}

/**
 * A call on a hidden case as the checks may see it: its status and, when it returned, its value (compared, never
 * shown), but no text learner code chose — a thrown message, a stub's function name, the names of changed
 * built-ins, the problems with its arguments, a load error — any of which could carry the case's inputs into a
 * visible report. Learner code picks that text however it likes (a fake NotImplementedError naming "fn": any string).
 */
export function screenedHidden(outcome: CallOutcome, fn: string): CallOutcome {
  const withheld = 'not shown: on a hidden case it could carry the inputs';
  switch (outcome.status) {
    case 'not-implemented':
      // Always the function called: which other one it names could be chosen from the inputs. (A helper still a
      // stub stops the public cases first, which run before the hidden ones.)
      return { ...outcome, fn };
    case 'threw':
      return { status: 'threw', message: `(its message is ${withheld})`, output: outcome.output };
    case 'broke-contract':
      return { status: 'broke-contract', problems: [`it changed or disposed an argument (which one is ${withheld})`], output: outcome.output };
    case 'tampered':
      return { status: 'tampered', changed: [`built-ins (which ones is ${withheld})`], output: outcome.output };
    case 'crashed':
      return { status: 'crashed', message: `it stopped the process running it (what it printed is ${withheld})`, output: outcome.output };
    case 'unavailable':
      return { status: 'unavailable', message: `Your file could not run this function (the reason is ${withheld}).` };
    default:
      return outcome;
  }
}

/** A context whose calls (its parts' too) are calls on hidden inputs (CallOptions.hiddenInputs). */
function withHiddenInputs(ctx: CheckContext): CheckContext {
  return {
    ...ctx,
    call: (fn, args, options) => ctx.call(fn, args, { ...options, hiddenInputs: true }),
    ...(ctx.branch
      ? {
          branch: (signal: AbortSignal) => {
            const part = ctx.branch!(signal);
            return { ctx: withHiddenInputs(part.ctx), keep: part.keep };
          },
        }
      : {}),
  };
}

/**
 * A hidden check's result as a report may show it: its status, score and hint (one of the grader's fixed sentences,
 * naming a mistake: like the status, a few bits at most), and nothing drawn from its inputs or the reference's values
 * there — not the counterexample, its seed, the values compared, or pictures. The learner edition ships the
 * arbitraries, so with these the next submission could answer them.
 */
export function screenedHiddenProperty(check: PropertyCheckDef<unknown>, result: CheckResult): CheckResult {
  const { counterexample: _c, seed: _s, replayPath: _r, expected: _e, actual: _a, plots: _p, ...rest } = result;
  const message: Partial<Record<CheckResult['status'], string>> = {
    passed: `${check.claim} (on hidden random inputs).`,
    failed: `${check.claim} — but not on one of its hidden random inputs (official grading shows neither them nor what your code returned there).`,
    error: `${check.claim}: your code failed on one of its hidden random inputs (${rest.message.includes('not implemented') ? 'a function it calls is not implemented yet' : 'how is not shown for hidden inputs'}).`,
    timeout: `${check.claim}: your code ran past its time limit on one of its hidden random inputs.`,
  };
  return { ...rest, message: message[result.status] ?? rest.message };
}

/**
 * What stands in a report for the output of a call on a hidden case (CallOptions.hiddenInputs): that there was
 * some, and nothing more — not even how many lines, a number the code could choose from the case's inputs.
 */
export function withheld(output: string): string {
  return output.trim() ? '(printed during a hidden case: not shown, as it could reveal its inputs)\n' : '';
}
