import * as fc from 'fast-check';
import type { CheckContext, PropertyCheckDef } from '../define';
import { CallFailure } from '../implementation';
import type { CheckResult } from '../report/model';
import { recordedPlots } from '../report/plots';
import { showValue } from '../show';
import type { Value } from '../values';
import { baseResult, failureResult } from './outcome';
import { Violation } from './violation';

const PROPERTY_TIME_LIMIT_MS = 60_000;

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
  // A time budget, so that an input generator or a shrink that never ends cannot stall grading.
  const details = await fc.check(prop, { seed, numRuns: def.numRuns ?? 25, interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS });
  if (abort) return failureResult(def, exercise, abort);
  if (!details.failed) {
    const runs = details.numRuns > 1 ? `${details.numRuns} random inputs, ` : '';
    return { ...baseResult(def, 'passed', `${def.claim} (${runs}seed ${seed}).`), score: def.points, seed };
  }
  if (!('counterexample' in details) || !details.counterexample) {
    const why = details.interrupted ? `it ran past its ${PROPERTY_TIME_LIMIT_MS / 1000} s budget` : 'its inputs could not be generated';
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
