import type { CallOutcome } from '../implementation';
import type { Value } from '../values';

/**
 * Messages between the grader and the sandboxed runner, as frames on the
 * runner's channel (fd 3; see wire.ts). Requests carry Values; the runner's
 * answers are checked by decodeRunnerMessage (runner-message.ts) before use.
 */
export interface CallRequest {
  type: 'call';
  id: number;
  /**
   * A fresh random token (32 hex digits) the runner's answers to this call carry back. Only the runner reads the
   * channel, so a frame learner code managed to write some other way cannot carry it, and is refused.
   */
  reply: string;
  /** The file name of a built module inside the sandbox's own folder. */
  module: string;
  fn: string;
  args: Value[];
  /**
   * Math.random runs from this seed during the call (CallOptions.randomSeed): TensorFlow.js's unseeded
   * randomness, a dropout layer's masks, seeds itself from Math.random, and then draws the same every run.
   */
  randomSeed?: number;
  /** Records and arrays among the arguments must come back as they were, as tensors must (CallOptions.recordsUnchanged). */
  recordsUnchanged?: boolean | 'records';
  /** Run nothing: answer with the function's source text (CallOptions.signatureOnly). */
  signatureOnly?: boolean;
}

export type RunnerMessage =
  | { type: 'ready' }
  /** The module finished loading: a later timeout is the function's, not the file's top level. */
  | { type: 'loaded'; reply: string; module: string }
  /** Only outcomes the runner itself can reach: time-outs and crashes are the grader's to say. */
  | { type: 'result'; reply: string; id: number; outcome: RunnerOutcome };

export type RunnerOutcome = Extract<CallOutcome, { status: 'ok' | 'not-implemented' | 'threw' | 'broke-contract' | 'tampered' | 'unavailable' }>;

/** How much a learner's console output is kept per call. */
export const MAX_OUTPUT_CHARS = 4000;
/** How long an error message or stack may be, as the runner sends it. */
export const MAX_MESSAGE_CHARS = 4000;
/**
 * The runner's channel, one way each: the grader's requests arrive on fd 3, the runner's answers leave on fd 4.
 * The runner reads and writes them only with fs.readSync and fs.writeSync as it took them before any learner code
 * loaded: no socket or stream object in the sandbox stands for either descriptor.
 */
export const REQUESTS_FD = 3;
export const ANSWERS_FD = 4;

/** The runner's exit code when running a call failed outside the learner's code and left the process unusable. */
export const SANDBOX_BROKEN_EXIT = 70;
