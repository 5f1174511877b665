import { compareValues, DEFAULT_TOLERANCE, type Mismatch } from '../compare';
import type { CheckContext, ReferenceCheckDef } from '../define';
import type { FixtureCase } from '../fixtures';
import { CallFailure } from '../implementation';
import type { CheckResult } from '../report/model';
import { roundScore } from '../report/model';
import { baseResult, failureResult } from './outcome';

/**
 * Calls the learner's function on each stored case and compares with the
 * reference output. Partial credit: the share of cases that pass.
 */
export async function runReferenceCheck(
  def: ReferenceCheckDef,
  exercise: string,
  cases: FixtureCase[] | undefined,
  ctx: CheckContext,
): Promise<CheckResult> {
  if (!cases?.length) {
    return baseResult(def, 'error', `No stored cases for this check: the fixtures are out of date (run \`npm run fixtures\`).`);
  }
  const fn = def.fn ?? exercise;
  const tolerance = { ...DEFAULT_TOLERANCE, ...def.tolerance };
  let passed = 0;
  let firstFailure: { c: FixtureCase; mismatch?: Mismatch; failure?: CallFailure } | undefined;
  let knownHint: string | undefined;
  for (const c of cases) {
    try {
      const actual = await ctx.call(fn, c.args, { timeoutMs: def.timeoutMs });
      const mismatch = compareValues(c.expected, actual, tolerance, c.constants ?? {}, `${fn}(…)`);
      if (!mismatch) passed++;
      else {
        const known = c.mistakes?.find((m) => compareValues(m.output, actual, tolerance) === null);
        firstFailure ??= { c, mismatch };
        // A known mistake recognised in any case explains the failure, whichever case failed first.
        knownHint ??= known?.hint;
      }
    } catch (err) {
      if (!(err instanceof CallFailure)) throw err;
      const o = err.outcome;
      // Nothing more to learn from the other cases when the code is missing or cannot run.
      if (o.status === 'not-implemented' || o.status === 'unavailable' || o.status === 'timeout' || o.status === 'crashed') {
        return failureResult(def, exercise, err);
      }
      firstFailure ??= { c, failure: err };
    }
  }
  const score = roundScore((def.points * passed) / cases.length);
  if (!firstFailure) {
    return { ...baseResult(def, 'passed', cases.length === 1 ? 'The 1 case matches.' : `All ${cases.length} cases match.`), score };
  }
  const { c, mismatch, failure } = firstFailure;
  const hiddenCount = cases.filter((k) => k.hidden).length;
  const tally = `${passed} of ${cases.length} cases pass${hiddenCount ? ` (${hiddenCount} of them hidden)` : ''}.`;
  if (c.hidden) {
    // A hidden case's inputs and outputs stay hidden: shown once, they could be looked up next time.
    const what = failure ? `${fn} failed on a hidden case (${failure.outcome.status === 'threw' ? 'it threw an error' : failure.outcome.status}).` : `${fn} returns a different value on a hidden case: inputs like the public cases', with values you have not seen.`;
    return {
      ...baseResult(def, failure ? 'error' : 'failed', `${what} ${tally} Code that is right for the public cases only (a fixed answer, a lookup, a hard-coded size) fails here.`),
      score,
      ...(knownHint ? { hint: knownHint } : {}),
    };
  }
  if (failure) {
    return { ...failureResult(def, exercise, failure), message: `Case "${c.name}": ${failure.message} ${tally}`, score, ...(knownHint ? { hint: knownHint } : {}) };
  }
  const hint = knownHint ?? mismatch!.likely;
  return {
    ...baseResult(def, 'failed', `Case "${c.name}": ${mismatch!.message} ${tally}`),
    score,
    ...(hint ? { hint } : {}),
    ...(mismatch!.expected ? { expected: mismatch!.expected, actual: mismatch!.actual } : {}),
  };
}
