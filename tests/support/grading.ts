import { gradeAssignment } from '../../graders/engine/grade';
import { repoRoot } from '../../graders/engine/paths';
import { loadCourses, loadGrader } from '../../graders/engine/registry';
import { isQuiz } from '../../graders/engine/quiz/load';
import { Sandbox } from '../../graders/engine/sandbox/client';
import type { AssignmentResult } from '../../graders/engine/report/model';

/** Every assignment id in the course manifests, quizzes included. */
export function allAssignmentIds(): string[] {
  return loadCourses(repoRoot).flatMap((c) => c.assignments.map((a) => a.id));
}

/** The assignments graded as code (not quizzes). */
export function codeAssignmentIds(): string[] {
  return allAssignmentIds().filter((id) => !isQuiz(repoRoot, id));
}

/** Grades one file as if it were the learner's file for an assignment. */
export async function gradeFile(
  sandbox: Sandbox,
  assignmentId: string,
  file: string,
  options: { only?: string[]; hidden?: boolean; seed?: number; trusted?: boolean } = {},
): Promise<AssignmentResult> {
  const def = await loadGrader(repoRoot, assignmentId);
  return gradeAssignment(def, { root: repoRoot, seed: options.seed ?? 1234, sandbox, learnerFile: file, ...options });
}

export function newSandbox(): Sandbox {
  return new Sandbox({ root: repoRoot });
}
