import type { Value } from './values';

/** How one call of a learner (or reference) function ended. */
export type CallOutcome =
  | { status: 'ok'; value: Value; output: string }
  /** The stub's not-implemented error; `fn` names the function whose stub threw. */
  | { status: 'not-implemented'; fn: string; output: string }
  | { status: 'threw'; message: string; stack?: string; output: string }
  /**
   * Ran past its limit; `phase: 'load'` when the file itself never finished loading (top-level code),
   * `phase: 'budget'` when the submission's whole time budget (limitMs) ran out during the call,
   * `phase: 'earlier'` when the call was not made: the function ran past its limit earlier in this run.
   */
  | { status: 'timeout'; limitMs: number; phase?: 'load' | 'budget' | 'earlier' }
  /** The call disposed or changed a tensor it was given (arguments must come back as they went in). */
  | { status: 'broke-contract'; problems: string[]; output: string }
  /** The code changed built-ins (Math, Array.prototype, tf.Tensor.prototype…); the sandbox is replaced. */
  | { status: 'tampered'; changed: string[]; output: string }
  /** The process running the code died (process.exit, out of memory, a native crash). */
  | { status: 'crashed'; message: string; output: string }
  /** The module could not be built or loaded, or does not export the function. */
  | { status: 'unavailable'; message: string }
  /** Not run: the caller gave it up (its signal aborted) before it started. */
  | { status: 'cancelled' };

export interface CallOptions {
  timeoutMs?: number;
  /** Once aborted, the call is not started if it has not been yet (it comes back 'cancelled'). */
  signal?: AbortSignal;
  /**
   * Makes unseeded randomness in learner code repeatable: in the sandbox, Math.random runs from this seed for
   * the call (CallRequest.randomSeed), so a check that measures a dropout layer's masks grades the same every
   * run. The reference solution, trusted and run in this process, ignores it.
   */
  randomSeed?: number;
  /**
   * The call's inputs are a hidden case's: what the learner's code prints during it is withheld from the report
   * (printing its arguments would reveal the case), and only said to be there.
   */
  hiddenInputs?: boolean;
  /**
   * Records and arrays among the arguments must come back holding what they held (AssignmentDef.argumentsUnchanged);
   * tensors always must. Checked in the sandbox; the reference solution, trusted, is not checked.
   */
  recordsUnchanged?: boolean | 'records';
  /**
   * Runs nothing: the outcome's value is the function's source text (Function.prototype.toString), from which
   * checks/defaults.ts reads its parameters' default values. Learner code cannot change what it says.
   */
  signatureOnly?: boolean;
}

/** Something that runs a course module's functions: the learner's sandbox, or the reference solution. */
export interface Implementation {
  /** Shown in messages: "your code", "the reference solution". */
  readonly label: string;
  call(fn: string, args: Value[], options?: CallOptions): Promise<CallOutcome>;
}

/**
 * A call that did not return a value. Check code calls learner functions through
 * `callOrThrow`, so it can be written straight through; the check runner turns
 * this error into the check's status (not-attempted, error, timeout).
 */
export class CallFailure extends Error {
  constructor(
    readonly fn: string,
    readonly outcome: Exclude<CallOutcome, { status: 'ok' }>,
  ) {
    super(describeFailure(fn, outcome));
    this.name = 'CallFailure';
  }
}

export async function callOrThrow(impl: Implementation, fn: string, args: Value[], options?: CallOptions): Promise<Value> {
  const outcome = await impl.call(fn, args, options);
  if (outcome.status !== 'ok') throw new CallFailure(fn, outcome);
  return outcome.value;
}

export function describeFailure(fn: string, o: Exclude<CallOutcome, { status: 'ok' }>): string {
  switch (o.status) {
    case 'not-implemented':
      return o.fn === fn
        ? `${fn} is not implemented yet (the stub still throws).`
        : `${fn} calls ${o.fn}, which is not implemented yet.`;
    case 'threw':
      return `${fn} threw an error: ${o.message}${o.stack ? `\n${o.stack}` : ''}`;
    case 'timeout':
      if (o.phase === 'earlier') {
        return `Not run: ${fn} already ran past its ${formatSeconds(o.limitMs)} limit earlier in this run, and this check calls it. Fix ${fn} first (an endless loop?).`;
      }
      if (o.phase === 'budget') return `${fn} was stopped: the time budget for grading this submission (${formatSeconds(o.limitMs)}) was spent.`;
      if (o.phase === 'load') {
        return (
          `Your file did not finish loading within ${formatSeconds(o.limitMs)}: code at the top level of the file ` +
          `(outside any function) runs when it loads — an endless loop there?`
        );
      }
      return (
        `${fn} ran past its ${formatSeconds(o.limitMs)} limit — an infinite loop, ` +
        `or a loop over every element where a vectorised operation would do?`
      );
    case 'broke-contract':
      return (
        `${fn} returned, but ${o.problems.join('; ')}. A function must leave the tensors it is given alive and unchanged` +
        `${o.problems.some(changedRecord) ? ', and here the records too' : ''}: the caller (and the course's later exercises) still use them. ` +
        `Dispose only tensors you created, and compute new ones instead of writing into dataSync().`
      );
    case 'tampered':
      return (
        `${fn} changed JavaScript or TensorFlow.js built-ins (${o.changed.join(', ')}). ` +
        `Exercise code must not replace built-in functions; the check fails and grading goes on in a fresh sandbox.`
      );
    case 'crashed':
      return `${fn} stopped the process running it: ${o.message}`;
    case 'unavailable':
      return o.message;
    case 'cancelled':
      return `Not run: ${fn} was called after an earlier call in this check had already failed.`;
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Whether a broke-contract problem is a record or list the call changed (sandbox/arguments.ts), not a tensor. */
export function changedRecord(problem: string): boolean {
  return /, a (?:record|list) it was given, in place \(/.test(problem);
}

/** Whether a broke-contract problem is a list the call changed (reordered, grown, an item replaced). */
export function changedList(problem: string): boolean {
  return /, a list it was given, in place \(/.test(problem);
}

/** The hint for a call that changed a list it was given, and no record (AssignmentDef.argumentsUnchanged). */
export const LIST_IN_PLACE_HINT =
  'A list the function was given is changed in place (sorted, reversed, grown or an item replaced): the caller still holds it and sees the change. Work on a copy ([...list]) or on indices, and leave the lists it was given as they were.';

/** The hint for a call that changed a record it was given (AssignmentDef.argumentsUnchanged). */
export const RECORD_IN_PLACE_HINT =
  'A record the function was given is changed in place: the caller still holds it and sees the change. Build a new record ({}) for what the function returns, and leave the records it was given as they were.';
