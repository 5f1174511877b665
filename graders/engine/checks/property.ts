import * as fc from 'fast-check';
import type { CheckContext, PropertyCheckDef } from '../define';
import { CallFailure } from '../implementation';
import type { CheckResult } from '../report/model';
import { recordedPlots } from '../report/plots';
import { showValue } from '../show';
import type { Value } from '../values';
import { baseResult, failureResult } from './outcome';
import { firstFailure, overlapped } from './overlap';
import { Violation } from './violation';

/** How long a property's runs and shrinking may take in all (a field, so that a test can shorten it). */
export const propertyLimits = { timeMs: 60_000 };

/**
 * Runs a property with fast-check from a fixed seed. A failing input is shrunk to
 * the smallest one that still fails; the seed and path in the result replay it.
 */
export async function runPropertyCheck<T>(def: PropertyCheckDef<T>, exercise: string, ctx: CheckContext, seed: number): Promise<CheckResult> {
  const result = await propertyResult(def, exercise, ctx, seed);
  // Pictures the property drew with recordPlot(ctx, …), whatever its outcome.
  const plots = recordedPlots(ctx);
  return plots.length ? { ...result, plots } : result;
}

async function propertyResult<T>(def: PropertyCheckDef<T>, exercise: string, ctx: CheckContext, seed: number): Promise<CheckResult> {
  // A call that cannot run at all (stub, timeout, crash) ends the property: later runs pass
  // through at once, so fast-check does not spend the time limit again on every shrink.
  let abort: CallFailure | undefined;
  const prop = fc.asyncProperty(def.inputs, async (input) => {
    if (abort) return;
    try {
      await def.holds(input, ctx);
    } catch (err) {
      if (err instanceof CallFailure && err.outcome.status !== 'threw') abort = err;
      throw err;
    }
  });
  const numRuns = def.numRuns ?? 25;
  const atOnce = await allRunsAtOnce(def, exercise, ctx, seed, numRuns);
  if (atOnce && 'verdict' in atOnce) return atOnce.verdict;
  // A time budget, so that an input generator or a shrink that never ends cannot stall grading.
  const check = (path?: string) => fc.check(prop, { seed, numRuns, interruptAfterTimeLimit: propertyLimits.timeMs, ...(path ? { path } : {}) });
  let details = await check(atOnce?.failedRun);
  // Code whose failing run passes when replayed (it is not deterministic) gets every run, one by one.
  if (atOnce?.failedRun && !details.failed && !abort) details = await check();
  if (abort) return failureResult(def, exercise, abort);
  // Cut off by the time limit, fast-check counts the runs made so far as a success: a property whose runs could be
  // made slow on purpose (a few correct answers, each just under the call limit) then passed having checked two inputs.
  if (!details.failed && details.interrupted) {
    return {
      ...baseResult(def, 'failed', `The property could not run to the end: it ran past its ${propertyLimits.timeMs / 1000} s budget after ${details.numRuns} of ${numRuns} random inputs (seed ${seed}). Make each call faster.`),
      seed,
    };
  }
  if (!details.failed) return passedResult(def, details.numRuns, seed);
  if (!('counterexample' in details) || !details.counterexample) {
    const why = details.interrupted ? `it ran past its ${propertyLimits.timeMs / 1000} s budget` : 'its inputs could not be generated';
    return { ...baseResult(def, 'error', `The property could not run to the end: ${why} (seed ${seed}).`), seed };
  }
  const input = (details.counterexample as [T])[0];
  const err = details.errorInstance;
  const why =
    err instanceof Violation || err instanceof CallFailure
      ? err.message
      : `the check could not read your output (${err instanceof Error ? err.message : String(err)})`;
  return {
    ...baseResult(def, 'failed', `${def.claim} — but not for the input below: ${why}`),
    ...(err instanceof Violation && err.hint ? { hint: err.hint } : {}),
    counterexample: def.show ? def.show(input) : showValue(input as Value),
    seed,
    replayPath: details.counterexamplePath ?? undefined,
  };
}

function passedResult<T>(def: PropertyCheckDef<T>, runs: number, seed: number): CheckResult {
  return { ...baseResult(def, 'passed', `${def.claim} (${runs > 1 ? `${runs} random inputs, ` : ''}seed ${seed}).`), score: def.points, seed };
}

/**
 * Every run at once (overlap.ts), on the inputs fc.check draws in turn from
 * the same seed: when all of them hold, or one reaches a call that cannot run
 * at all (a stub, a time-out, a crash), that is the verdict fc.check would
 * reach, sooner. When a run fails otherwise, the runs before it count as run,
 * and fc.check replays from the failing one (its path is its index) to shrink
 * it: the same counterexample, path and message as running every input one by
 * one, without running the passing ones again.
 */
async function allRunsAtOnce<T>(
  def: PropertyCheckDef<T>,
  exercise: string,
  ctx: CheckContext,
  seed: number,
  numRuns: number,
): Promise<{ verdict: CheckResult } | { failedRun?: string } | undefined> {
  if (!ctx.branch || numRuns < 2) return undefined;
  const inputs = drawnInputs(def.inputs, seed, numRuns);
  const { results, keep } = await overlapped(ctx, inputs.map((input) => (part) => def.holds(input, part)));
  const failed = firstFailure(results);
  if (!failed) {
    keep();
    return { verdict: passedResult(def, inputs.length, seed) };
  }
  if (failed.reason instanceof CallFailure && failed.reason.outcome.status !== 'threw') {
    keep();
    return { verdict: failureResult(def, exercise, failed.reason) };
  }
  // A skipped run (fc.pre) makes fc.check draw more inputs than numRuns: that is fc.check's to do, from the start.
  if (fc.PreconditionFailure.isFailure(failed.reason)) return undefined;
  const run = results.length - 1;
  keep(run);
  return { failedRun: String(run) };
}

/** The inputs fc.check gives a property's runs, in order, for this seed (tests/engine/overlap.test.ts holds it to that). */
export function drawnInputs<T>(inputs: fc.Arbitrary<T>, seed: number, numRuns: number): T[] {
  return fc.sample(inputs, { seed, numRuns });
}
