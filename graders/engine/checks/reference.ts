import { compareValues, DEFAULT_TOLERANCE, type Mismatch } from '../compare';
import type { CheckContext, ReferenceCheckDef } from '../define';
import { allFinite, type FixtureCase } from '../fixtures';
import { CallFailure, type CallOutcome } from '../implementation';
import type { CheckResult } from '../report/model';
import { roundScore } from '../report/model';
import { baseResult, failureResult } from './outcome';
import { overlapped } from './overlap';
import { isNdArray } from '../ndarray';
import { isRecord, type Value } from '../values';

/** A call that ends with one of these tells nothing about the other cases: the check ends with it. */
const ENDS_CHECK = new Set<CallOutcome['status']>(['not-implemented', 'unavailable', 'timeout', 'crashed', 'cancelled']);

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
  const started = await startReferenceCheck(def, exercise, cases, ctx, false);
  return 'hiddenTurn' in started ? started.hiddenTurn() : started;
}

/** A reference check whose visible cases have run: its hidden cases run, and it is judged, when this is called. */
export interface HiddenTurn {
  hiddenTurn(): Promise<CheckResult>;
}

/**
 * runReferenceCheck in two turns when `hiddenLater`: the public cases now and, when the check has hidden cases
 * and the public ones did not end it, the hidden ones when the caller says (grade.ts runs them after every call
 * on a public case of the submission, so that no code that runs on a hidden case is followed by code whose
 * output, message or timing a report shows).
 */
export async function startReferenceCheck(
  def: ReferenceCheckDef,
  exercise: string,
  cases: FixtureCase[] | undefined,
  ctx: CheckContext,
  hiddenLater: boolean,
): Promise<CheckResult | HiddenTurn> {
  if (!cases?.length) {
    return baseResult(def, 'error', `No stored cases for this check: the fixtures are out of date (run \`npm run fixtures\`).`);
  }
  const fn = def.fn ?? exercise;
  // Every case's call at once (overlap.ts); a call that cannot run at all ends the check, as it would one by one.
  const callAll = async (some: FixtureCase[]) => {
    const { results, keep } = await overlapped(
      ctx,
      some.map((c) => (part) => part.call(fn, c.args, { timeoutMs: def.timeoutMs, ...(c.hidden ? { hiddenInputs: true } : {}) })),
      (err) => !(err instanceof CallFailure) || ENDS_CHECK.has(err.outcome.status),
    );
    keep();
    return results;
  };
  // Hidden cases come after the public ones (fixtures.ts, withHiddenCases).
  const firstHidden = hiddenLater ? cases.findIndex((c) => c.hidden) : -1;
  if (firstHidden < 0) return judged(def, exercise, cases, await callAll(cases));
  const shown = cases.slice(0, firstHidden);
  const first = await callAll(shown);
  // A public case that ended the check (a stub, a time-out) ends it as it would have with every case at once.
  if (first.some((r) => r.status === 'rejected' && (!(r.reason instanceof CallFailure) || ENDS_CHECK.has(r.reason.outcome.status)))) {
    return judged(def, exercise, cases, first);
  }
  return { hiddenTurn: async () => judged(def, exercise, cases, [...first, ...(await callAll(cases.slice(firstHidden)))]) };
}

/** The check's result from its cases' outcomes (in case order; fewer when a call ended the check). */
function judged(def: ReferenceCheckDef, exercise: string, cases: FixtureCase[], results: PromiseSettledResult<Value>[]): CheckResult {
  const fn = def.fn ?? exercise;
  const tolerance = { ...DEFAULT_TOLERANCE, ...def.tolerance };
  let passed = 0;
  let hiddenPassed = 0;
  let firstFailure: { c: FixtureCase; mismatch?: Mismatch; failure?: CallFailure } | undefined;
  const evidence: CaseEvidence[] = [];
  const mismatches: Mismatch[] = [];
  for (const [i, r] of results.entries()) {
    const c = cases[i]!;
    if (r.status === 'fulfilled') {
      const actual = r.value;
      const mismatch = compareValues(c.expected, actual, tolerance, c.constants ?? {}, `${fn}(…)`, true);
      if (!mismatch) {
        passed++;
        if (c.hidden) hiddenPassed++;
      }
      else {
        firstFailure ??= { c, mismatch };
        // Hints are read from the public cases only: whether one shows must not depend on a hidden case's outputs.
        if (!c.hidden) mismatches.push(mismatch);
      }
      evidence.push({ c, passed: !mismatch, actual, finite: allFinite(actual) });
      continue;
    }
    const err: unknown = r.reason;
    if (!(err instanceof CallFailure)) throw err;
    // Nothing more to learn from the other cases when the code is missing or cannot run.
    if (ENDS_CHECK.has(err.outcome.status)) {
      // A crash's message holds what the process printed last, which code can fill with a hidden case's inputs.
      if (c.hidden && err.outcome.status === 'crashed') {
        return baseResult(def, 'error', `${fn} stopped the process running it on a hidden case (what it printed then is not shown: it could reveal the case's inputs).`);
      }
      return failureResult(def, exercise, err);
    }
    firstFailure ??= { c, failure: err };
    evidence.push({ c, passed: false, finite: true });
  }
  // From the public cases only: code could match a known mistake on a hidden case or not, as its inputs say.
  const knownHint = knownMistake(evidence.filter((e) => !e.c.hidden));
  const share = countedShare(cases, passed, hiddenPassed);
  const score = roundScore(def.points * share.counted);
  const hiddenCount = cases.filter((k) => k.hidden).length;
  const withCount = (r: CheckResult): CheckResult => (hiddenCount ? { ...r, hiddenCases: hiddenCount } : r);
  if (!firstFailure) {
    return withCount({ ...baseResult(def, 'passed', cases.length === 1 ? 'The 1 case matches.' : `All ${cases.length} cases match.`), score });
  }
  const { c, mismatch, failure } = firstFailure;
  const tally = `${passed} of ${cases.length} cases pass${hiddenCount ? ` (${hiddenCount} of them hidden)` : ''}.${share.counted < passed / cases.length ? ` ${share.why}` : ''}`;
  if (c.hidden) {
    // A hidden case's inputs and outputs stay hidden: shown once, they could be looked up next time.
    const what = failure ? `${fn} failed on a hidden case (${failure.outcome.status === 'threw' ? 'it threw an error' : failure.outcome.status}).` : `${fn} returns a different value on a hidden case: inputs like the public cases', with values you have not seen.`;
    return withCount({
      ...baseResult(def, failure ? 'error' : 'failed', `${what} ${tally} Code that is right for the public cases only (a fixed answer, a lookup, a hard-coded size) fails here.`),
      score,
    });
  }
  if (failure) {
    return withCount({ ...failureResult(def, exercise, failure), message: `Case "${c.name}": ${failure.message} ${tally}`, score, ...(knownHint ? { hint: knownHint } : {}) });
  }
  const hint = knownHint ?? agreedLikely(mismatches);
  return withCount({
    ...baseResult(def, 'failed', `Case "${c.name}": ${mismatch!.message} ${tally}`),
    score,
    ...(hint ? { hint } : {}),
    ...(mismatch!.expected ? { expected: mismatch!.expected, actual: mismatch!.actual } : {}),
  });
}

/**
 * A generic diagnosis (compare.ts) of the first failing case, shown only when every failing case that
 * returned a value shows the same one (the same words; its numbers may differ from case to case): a
 * transform that explains one case but not another is not the mistake.
 */
function agreedLikely(mismatches: Mismatch[]): string | undefined {
  const first = mismatches[0]?.likely;
  if (first === undefined) return undefined;
  // Numbers aside, and a list of them (one per channel, say) counts as one: cases with 2 and 3 channels agree.
  const words = (text: string | undefined) => text?.replace(/[-+−]?\d[\d.,]*(e[-+−]?\d+)?/gi, '#').replace(/×?#(?: ×?#)*(?: …)?/g, '#');
  return mismatches.every((m) => words(m.likely) === words(first)) ? first : undefined;
}

interface CaseEvidence {
  c: FixtureCase;
  passed: boolean;
  /** The learner's output (absent when the call failed). */
  actual?: Value;
  finite: boolean;
}

/** How close a learner's output must be to a known mistake's to count as that mistake: far tighter than grading. */
const SAME_MISTAKE = { rtol: 1e-4, atol: 1e-7 };

/**
 * The known mistake that explains the learner's outputs, if exactly one does.
 * A mistake fits only when the learner behaves like it on every case: each
 * failing case that returned a finite value shows that mistake's recorded
 * output (exactly: every key, every element, to a tolerance far tighter than
 * grading's), and no passing case is one the mistake would have failed. A case
 * whose call threw, or whose output is not finite, says nothing either way
 * (fixtures record only the mistakes that return finite values). Two mistakes
 * that fit equally well name neither: a hint is shown only when it is right.
 */
export function knownMistake(evidence: CaseEvidence[]): string | undefined {
  const candidates = new Set<string>();
  for (const e of evidence) {
    if (e.passed || e.actual === undefined) continue;
    for (const m of e.c.mistakes ?? []) if (sameValue(m.output, e.actual)) candidates.add(m.hint);
  }
  const fitting = [...candidates].filter((hint) =>
    evidence.every((e) => {
      const recorded = e.c.mistakes?.find((m) => m.hint === hint);
      if (e.passed) return !recorded;
      // A call that threw, or an output that is not finite, says nothing either way: fixtures record only
      // mistakes that return finite values, so a mistake that throws on this case left no trace of it.
      if (e.actual === undefined || !e.finite) return true;
      return !!recorded && sameValue(recorded.output, e.actual);
    }),
  );
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** Equal in structure (the same keys both ways, the same lengths and shapes) and in value, to SAME_MISTAKE. */
export function sameValue(a: Value, b: Value): boolean {
  if (isNdArray(a) || isNdArray(b)) {
    if (!isNdArray(a) || !isNdArray(b) || a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) return false;
    return compareValues(a, b, SAME_MISTAKE) === null;
  }
  if (typeof a === 'number' || typeof b === 'number') return typeof a === 'number' && typeof b === 'number' && compareValues(a, b, SAME_MISTAKE) === null;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]!));
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined).sort();
    const kb = Object.keys(b).filter((k) => b[k] !== undefined).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k]!, b[k]!));
  }
  return a === b || (a == null && b == null);
}

/**
 * The share of a check's points its cases earn. With hidden cases (official grading), the smaller of the public
 * cases' share and the hidden cases': the public cases and their answers ship in the learner edition, so code
 * can answer them from a table, and on their own they must not earn what only a computation should. Right code
 * passes both alike; a mistake that shows on one kind of case only costs as much as on the other.
 */
function countedShare(cases: FixtureCase[], passed: number, hiddenPassed: number): { counted: number; why: string } {
  const hidden = cases.filter((c) => c.hidden).length;
  const shown = cases.length - hidden;
  if (!hidden || !shown) return { counted: passed / cases.length, why: '' };
  const [publicShare, hiddenShare] = [(passed - hiddenPassed) / shown, hiddenPassed / hidden];
  return {
    counted: Math.min(publicShare, hiddenShare),
    why:
      hiddenShare < publicShare
        ? `The score counts the hidden cases' share (${hiddenPassed} of ${hidden}): the public cases are known in advance, so they cannot earn more than the hidden ones.`
        : `The score counts the public cases' share (${passed - hiddenPassed} of ${shown}), the smaller of the two.`,
  };
}
