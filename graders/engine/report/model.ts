/**
 * The report model: one structure every output format is rendered from.
 * Scores are summed here and only here.
 */
export type CheckKind = 'reference' | 'property' | 'gradient';
export type CheckStatus = 'passed' | 'failed' | 'error' | 'timeout' | 'not-attempted' | 'skipped';

export interface GradientError {
  variable: string;
  relativeError: number;
  passed: boolean;
  message?: string;
}

export interface CheckResult {
  kind: CheckKind;
  name: string;
  status: CheckStatus;
  score: number;
  maxScore: number;
  /** What happened, in a sentence or two the learner can act on. */
  message: string;
  hidden: boolean;
  /** The likely mistake, when the diagnosis recognised one. */
  hint?: string;
  expected?: string;
  actual?: string;
  /** Property checks: the smallest failing input fast-check found, and how to replay it. */
  counterexample?: string;
  seed?: number;
  replayPath?: string;
  gradients?: GradientError[];
  /** Anything the learner's code printed while this check ran. */
  output?: string;
}

export type ExerciseStatus = 'passed' | 'partial' | 'failed' | 'not-attempted';

export interface ExerciseResult {
  name: string;
  status: ExerciseStatus;
  score: number;
  maxScore: number;
  dependsOn: string[];
  checks: CheckResult[];
}

export interface AssignmentResult {
  id: string;
  title: string;
  /** The learner file graded, relative to the repository. */
  file: string;
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
  /**
   * What this edition could not run and the official grade (the grader edition) does:
   * hidden checks (their points are not in maxScore here) and hidden cases.
   */
  officialOnly?: { hiddenCheckPoints: number; hiddenCases: boolean };
}

export interface GradeReport {
  tool: 'deepgrade';
  version: string;
  selector: string;
  seed: number;
  /** How learner code was walled off: "namespaces", or "permission model only" (and why). */
  isolation?: string;
  score: number;
  maxScore: number;
  assignments: AssignmentResult[];
  /** Set when this is not the official grade: what the official grade adds (see AssignmentResult). */
  officialNote?: string;
  /** A partial run (--only): the functions graded; the score covers them alone. */
  only?: string[];
  /** When the report was made (ISO 8601): which of two saved reports is newer. Not part of the grade. */
  generatedAt?: string;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function exerciseResult(name: string, dependsOn: string[], checks: CheckResult[]): ExerciseResult {
  const score = round(checks.reduce((s, c) => s + c.score, 0));
  const maxScore = round(checks.reduce((s, c) => s + c.maxScore, 0));
  const graded = checks.filter((c) => c.status !== 'skipped');
  const status: ExerciseStatus =
    graded.length > 0 && graded.every((c) => c.status === 'not-attempted')
      ? 'not-attempted'
      : score >= maxScore
        ? 'passed'
        : score > 0
          ? 'partial'
          : 'failed';
  return { name, status, score, maxScore, dependsOn, checks };
}

export function assignmentResult(id: string, title: string, file: string, exercises: ExerciseResult[]): AssignmentResult {
  return {
    id,
    title,
    file,
    score: round(exercises.reduce((s, e) => s + e.score, 0)),
    maxScore: round(exercises.reduce((s, e) => s + e.maxScore, 0)),
    exercises,
  };
}

export function gradeReport(selector: string, seed: number, version: string, assignments: AssignmentResult[], isolation?: string): GradeReport {
  return {
    tool: 'deepgrade',
    version,
    selector,
    seed,
    ...(isolation ? { isolation } : {}),
    score: round(assignments.reduce((s, a) => s + a.score, 0)),
    maxScore: round(assignments.reduce((s, a) => s + a.maxScore, 0)),
    assignments,
    ...officialNote(assignments),
  };
}

/** "The official grade adds …": said plainly wherever this run could not see all the evidence. */
function officialNote(assignments: AssignmentResult[]): { officialNote?: string } {
  const points = round(assignments.reduce((s, a) => s + (a.officialOnly?.hiddenCheckPoints ?? 0), 0));
  const cases = assignments.some((a) => a.officialOnly?.hiddenCases);
  if (!points && !cases) return {};
  const adds = [points ? `hidden checks worth ${points} point${points === 1 ? '' : 's'} (not counted here)` : '', cases ? 'hidden cases of the reference checks' : '']
    .filter(Boolean)
    .join(' and ');
  return {
    officialNote: `These are the public checks. The official grade (Gradescope, pull-request or class grading) also runs ${adds}: code that is right in general passes them too.`,
  };
}

export function roundScore(x: number): number {
  return round(x);
}
