/**
 * Which assignments run learner code when graded: untouched stubs and quizzes
 * run none (engine/stubs.ts), so they need no sandbox.
 */
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
 * The sandbox's young generation (V8's semi-space, in MB) for a run of this many assignments. Four for one
 * assignment: week 3's child spends ~32 ms in scavenges instead of ~51 with 2 (~30 ms of the grade's wall
 * time) for ~5 MB more at its peak; 8 would cost ~13 MB more than 2, past the 150 MiB the grade must stay
 * under. A run of several trains many models in one child, and with 2 MB a whole course spent 2 s of the
 * child's 13 in the garbage collector; with 8, 1 s.
 */
export function sandboxYoungGenerationMb(assignments: number): number {
  return assignments > 1 ? 8 : 4;
}
