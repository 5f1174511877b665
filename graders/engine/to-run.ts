/**
 * Which assignments run learner code when graded: untouched stubs and quizzes
 * run none (engine/stubs.ts), so they need no sandbox.
 */
import os from 'node:os';
import { assignmentFiles } from './registry';
import { isQuiz } from './quiz/load';
import { isUntouchedStub } from './stubs';

export interface ToRunOptions {
  /** Grade these files instead of exercises/<id>.ts, by assignment id. */
  learnerFiles?: Record<string, string>;
  /** false: grade untouched stubs like any file (see GradeOptions.stubShortcut). */
  stubShortcut?: boolean;
}

/** How many of these assignments run learner code. */
export function assignmentsToRun(root: string, picked: { id: string }[], options: ToRunOptions = {}): number {
  if (options.stubShortcut === false) return picked.length;
  return picked.filter((a) => !isQuiz(root, a.id) && !isUntouchedStub(root, a.id, options.learnerFiles?.[a.id] ?? assignmentFiles(root, a.id).exercise)).length;
}

/**
 * How V8 runs in a sandbox's child: chosen for the run (engine/run.ts) and for a sandbox started ahead of it
 * (sandbox/prestart.ts) alike, which is taken only when the two are the same (sameTuning).
 */
export interface SandboxTuning {
  /**
   * V8's semi-space, in MB. Four for one assignment: week 3's child spends ~32 ms in scavenges instead of ~51
   * with 2 (~30 ms of the grade's wall time) for ~5 MB more at its peak; 8 would cost ~13 MB more than 2, past
   * the 150 MiB the grade must stay under. A run of several trains many models in one child, and with 2 MB a
   * whole course spent 2 s of the child's 13 in the garbage collector; with 8, 1 s.
   */
  youngGenerationMb: number;
  /**
   * V8 without background threads and without TurboFan's inlining (client.ts v8Flags), when the sandboxes and
   * the grading process already keep every core busy. A child's background compiler and garbage-collector
   * helpers then only take CPU from the other lane: a whole course on 2 cores spent ~6 s of its ~15 s of
   * children's CPU on those threads. With them off the children's CPU fell to ~13 s and the wall time ~7%.
   * With a core to spare (one assignment), the background threads are free and are kept.
   */
  lean: boolean;
}

export function sandboxTuning(assignments: number, lanes = laneCount(assignments, {})): SandboxTuning {
  return { youngGenerationMb: assignments > 1 ? 8 : 4, lean: fillsTheMachine(lanes) };
}

/**
 * Whether this many sandboxes side by side, with the grading process, keep every core busy (SandboxTuning.lean):
 * two lanes on up to 3 cores, a batch's workers (one per core by default).
 */
export function fillsTheMachine(sandboxes: number): boolean {
  return sandboxes > 1 && os.availableParallelism() <= sandboxes + 1;
}

export function sameTuning(a: SandboxTuning, b: SandboxTuning): boolean {
  return a.youngGenerationMb === b.youngGenerationMb && a.lean === b.lean;
}

/**
 * How many assignments are graded at once, each lane in a sandbox of its own. The grading process mostly waits
 * on its sandbox (a whole course: idle 11 s of 16), so with a second core a second child grades alongside
 * (a whole course on 2 cores: 11.8 → 9.1 s, at ~130 MB more). One for a single assignment, for a sandbox
 * handed in (a class's learner, a test), for official grading (isolation 'require': Gradescope, pull requests),
 * whose container then holds one learner process at its memory limit, not two, and with DEEPGRADE_NO_LANES=1.
 */
export function laneCount(assignmentsToRun: number, options: { sandbox?: unknown; isolation?: 'require' | 'auto' }): number {
  if (options.sandbox || options.isolation === 'require' || process.env.DEEPGRADE_NO_LANES || os.availableParallelism() < 2) return 1;
  return assignmentsToRun >= 2 ? 2 : 1;
}
