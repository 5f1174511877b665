/**
 * The report model: one structure every output format is rendered from.
 * Scores are summed here and only here.
 */
/** 'answer': a quiz question's answer (see quiz/). */
export type CheckKind = 'reference' | 'property' | 'gradient' | 'answer';
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
  /** Reference checks graded with hidden cases: how many (the check then scores the smaller of the two shares). */
  hiddenCases?: number;
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
  /** Pictures of what the check saw, as data: only the HTML report draws them. */
  plots?: Plot[];
}

/**
 * A picture as compact data, not as SVG: JSON and Markdown reports stay small,
 * and report/plots.ts turns each kind into a chart for the HTML report.
 */
export type Plot = GradientErrorsPlot | CostsPlot | DecisionBoundaryPlot | HistogramPlot | HeatmapPlot;

interface PlotBase {
  title: string;
  /** What the picture shows, in a sentence: its caption, and its text for screen readers. */
  description: string;
}

/** Relative error per variable (log scale) against the check's tolerance; Infinity (null in JSON) for a missing or misshapen gradient. */
export interface GradientErrorsPlot extends PlotBase {
  kind: 'gradient-errors';
  tolerance: number;
  errors: { variable: string; relativeError: number | null; passed: boolean }[];
}

/** Training costs, one line per series: costs[i] is the cost at iteration (or epoch) i·every. */
export interface CostsPlot extends PlotBase {
  kind: 'costs';
  xLabel: string;
  series: { name: string; every: number; costs: (number | null)[] }[];
}

/** A classifier's 0/1 predictions on a size × size grid of cell centres (row by row, from the lowest y), and the labelled data. */
export interface DecisionBoundaryPlot extends PlotBase {
  kind: 'decision-boundary';
  grid: { x: [number, number]; y: [number, number]; size: number; predictions: number[] };
  points: { x: number[]; y: number[]; label: number[] };
}

/** Sampled values in equal bins from `start`, with the counts a normal distribution would give. */
export interface HistogramPlot extends PlotBase {
  kind: 'histogram';
  xLabel: string;
  start: number;
  width: number;
  counts: number[];
  expected: { mean: number; std: number };
}

/** A 2-D array (a feature map) as coloured cells, row-major; `domain` fixes the colour scale, so two maps compare. */
export interface HeatmapPlot extends PlotBase {
  kind: 'heatmap';
  rows: number;
  cols: number;
  values: (number | null)[];
  domain?: [number, number];
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

/**
 * The longest text a check's result keeps in each field: its message and hint, and what it shows (expected,
 * actual, the counterexample, what the code printed). Learner code's values and messages reach these, and one
 * learner's report (Markdown, HTML and JSON alike) stays bounded whatever that code returns or throws.
 */
export const TEXT_LIMITS = { message: 12_000, hint: 4_000, shown: 20_000 } as const;

/** Text cut to `limit` characters, saying how much was cut. */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Not between the two halves of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text[limit - 1]!) ? limit - 1 : limit;
  return `${text.slice(0, end)}… (${text.length - end} more characters cut)`;
}

function boundedCheck(c: CheckResult): CheckResult {
  const over = (t: string | undefined, limit: number) => t !== undefined && t.length > limit;
  const fields = ['expected', 'actual', 'counterexample', 'output'] as const;
  if (!over(c.message, TEXT_LIMITS.message) && !over(c.hint, TEXT_LIMITS.hint) && !fields.some((f) => over(c[f], TEXT_LIMITS.shown)) && !c.gradients?.some((g) => over(g.message, TEXT_LIMITS.message))) {
    return c;
  }
  const out: CheckResult = { ...c, message: cutText(c.message, TEXT_LIMITS.message) };
  if (c.hint !== undefined) out.hint = cutText(c.hint, TEXT_LIMITS.hint);
  for (const f of fields) if (c[f] !== undefined) out[f] = cutText(c[f]!, TEXT_LIMITS.shown);
  if (c.gradients) out.gradients = c.gradients.map((g) => (g.message === undefined ? g : { ...g, message: cutText(g.message, TEXT_LIMITS.message) }));
  return out;
}

export function exerciseResult(name: string, dependsOn: string[], results: CheckResult[]): ExerciseResult {
  const checks = results.map(boundedCheck);
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
