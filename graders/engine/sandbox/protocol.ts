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
  | { type: 'loaded'; module: string }
  /** Only outcomes the runner itself can reach: time-outs and crashes are the grader's to say. */
  | { type: 'result'; id: number; outcome: RunnerOutcome };

export type RunnerOutcome = Extract<CallOutcome, { status: 'ok' | 'not-implemented' | 'threw' | 'broke-contract' | 'tampered' | 'unavailable' }>;

/** How much a learner's console output is kept per call. */
export const MAX_OUTPUT_CHARS = 4000;
/** How long an error message or stack may be, as the runner sends it. */
export const MAX_MESSAGE_CHARS = 4000;
/** The file descriptor of the runner's channel. */
export const CHANNEL_FD = 3;

/** The runner's exit code when running a call failed outside the learner's code and left the process unusable. */
export const SANDBOX_BROKEN_EXIT = 70;
