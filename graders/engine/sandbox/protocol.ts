import type { CallOutcome } from '../implementation';
import type { Value } from '../values';

/** Messages between the grader and the sandboxed runner (over Node IPC, structured clone). */
export interface CallRequest {
  type: 'call';
  id: number;
  /** Absolute path of the built (JavaScript) learner module. */
  module: string;
  fn: string;
  args: Value[];
}

export type RunnerMessage =
  | { type: 'ready' }
  /** The module finished loading: a later timeout is the function's, not the file's top level. */
  | { type: 'loaded'; module: string }
  | { type: 'result'; id: number; outcome: CallOutcome };

/** How much a learner's console output is kept per call. */
export const MAX_OUTPUT_CHARS = 4000;
