import { CallFailure, changedList, changedRecord, LIST_IN_PLACE_HINT, RECORD_IN_PLACE_HINT } from '../implementation';
import type { CheckDef } from '../define';
import { knownTfErrorHint } from './tf-errors';
import type { CheckResult, CheckStatus } from '../report/model';

/** A check result with nothing scored yet: the shared fields of every outcome. */
export function baseResult(def: CheckDef, status: CheckStatus, message: string): CheckResult {
  return { kind: def.kind, name: def.name, status, score: 0, maxScore: def.points, message, hidden: !!def.hidden };
}

/** The exercise's function is still the stub. */
export function notAttemptedResult(def: CheckDef, exercise: string): CheckResult {
  return baseResult(def, 'not-attempted', `Not attempted yet: ${exercise} still throws the stub's "not implemented" error.`);
}

/** Maps a learner call that did not return into the check's status. */
export function failureResult(def: CheckDef, exercise: string, failure: CallFailure): CheckResult {
  const o = failure.outcome;
  const output = 'output' in o && o.output ? o.output : undefined;
  const withOutput = (r: CheckResult): CheckResult => (output ? { ...r, output } : r);
  if (o.status === 'not-implemented' && o.fn === exercise) return notAttemptedResult(def, exercise);
  if (o.status === 'timeout') return baseResult(def, 'timeout', failure.message);
  if (o.status === 'broke-contract' && o.problems.some(changedRecord)) {
    const listsOnly = o.problems.filter(changedRecord).every(changedList);
    return withOutput({ ...baseResult(def, 'error', failure.message), hint: listsOnly ? LIST_IN_PLACE_HINT : RECORD_IN_PLACE_HINT });
  }
  const tfHint = o.status === 'threw' ? knownTfErrorHint(o.message) : undefined;
  return withOutput({ ...baseResult(def, 'error', failure.message), ...(tfHint ? { hint: tfHint } : {}) });
}

/** A thrown value that is not a failed call: a bug in the check, or something it could not read. */
export function unexpectedResult(def: CheckDef, err: unknown): CheckResult {
  if (err instanceof CallFailure) throw new Error('unexpectedResult() got a CallFailure; use failureResult()');
  const message = err instanceof Error ? err.message : String(err);
  return baseResult(def, 'error', `The check could not finish: ${message}`);
}
