/**
 * Whether grading these assignments runs any learner code: untouched stubs
 * and quizzes run none (engine/stubs.ts), so they need no sandbox.
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

export function runsLearnerCode(root: string, picked: { id: string }[], options: ToRunOptions = {}): boolean {
  if (options.stubShortcut === false) return true;
  return !picked.every((a) => isQuiz(root, a.id) || isUntouchedStub(root, a.id, options.learnerFiles?.[a.id] ?? assignmentFiles(root, a.id).exercise));
}
