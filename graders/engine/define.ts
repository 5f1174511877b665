/**
 * The vocabulary graders are written in: an assignment is a list of exercises,
 * each graded by checks of three kinds (reference cases, properties, gradient
 * checks). Course graders import only from here and from the check helpers.
 */
import type * as TF from '@tensorflow/tfjs';
import type { Arbitrary } from 'fast-check';
import type { CaseConstants, Tolerance } from './compare';
import type { CallOptions, Implementation } from './implementation';
import type { NdArray } from './ndarray';
import type { Value } from './values';

/** What must come back unchanged besides tensors: records and lists (true) or plain records only. */
export type ArgumentsRule = boolean | 'records';

export interface AssignmentDef {
  /** "course1/week3/planar-classification": also the path of its files under exercises/, solutions/ and graders/. */
  id: string;
  title: string;
  exercises: ExerciseDef[];
  /** "quiz": an assessment (graders/<id>.quiz.json), one exercise per question, graded by quiz/grade.ts. Default: code. */
  kind?: 'code' | 'quiz';
  /**
   * The instructions say every function returns new records and leaves its arguments unchanged: a call that
   * reassigns, adds or removes a key of a record it was given, or replaces an item of an array, then fails as a
   * change in place (as writing into a tensor always does). Off where the course's functions may update in place.
   * 'records': plain records only — a list the call was given may be reordered in place (caches.reverse() in a
   * backward pass), which the instructions of those assignments do not forbid as plainly.
   */
  argumentsUnchanged?: ArgumentsRule;
}

export interface ExerciseDef {
  /** The exported function's name, as the learner writes it. */
  name: string;
  /** Earlier exercises this one calls: when one of them fails, this one's failures say so. */
  dependsOn?: string[];
  checks: CheckDef[];
}

export type CheckDef = ReferenceCheckDef | PropertyCheckDef<any> | GradientCheckDef;

interface CheckCommon {
  /** Short and unique within the exercise: "seeded case", "rows sum to 1". */
  name: string;
  points: number;
  /** Needs the reference solution at grade time: runs only where solutions/ is present. */
  hidden?: boolean;
  /** Limit for each learner call this check makes (default 5 s). */
  timeoutMs?: number;
  /** Uses `ctx.tf()` as an oracle: TensorFlow.js is then loaded in the scoring process ahead of time. */
  usesTf?: boolean;
}

export interface ReferenceCase {
  name: string;
  args: Value[];
  /** Named quantities ("m", "nX") used to explain a constant-factor mistake. */
  constants?: CaseConstants;
}

export interface ReferenceCheckDef extends CheckCommon {
  kind: 'reference';
  /** The function called, when not the exercise itself. */
  fn?: string;
  /**
   * Builds the cases. Runs only in `npm run fixtures`, with the reference solution
   * at hand, so inputs can come from the reference pipeline (a cache always
   * consistent with its parameters).
   */
  cases: (reference: Implementation) => Promise<ReferenceCase[]>;
  tolerance?: Partial<Tolerance>;
}

/** What a property or gradient check gets to work with. */
export interface CheckContext {
  learner: Implementation;
  /** The reference solution: only for hidden checks. */
  reference?: Implementation;
  /** Calls a learner function and returns its value (a failed call ends the check with its status). */
  call(fn: string, args: Value[], options?: CallOptions): Promise<Value>;
  /**
   * TensorFlow.js in the scoring process, as an independent oracle (tf.conv2d,
   * tf.image.nonMaxSuppression, tf.grad…). Trusted code only: never learner code.
   */
  tf(): Promise<typeof TF>;
  /**
   * A context for one of several parts of this check run at the same time
   * (checks/overlap.ts): its calls are not started once `signal` aborts, and
   * what they print, which functions they call and what it draws count for
   * this check only when kept, so a check reads the same whether its parts
   * overlapped or ran one by one. Absent where parts must run one by one.
   */
  branch?(signal: AbortSignal): { ctx: CheckContext; keep(): void };
}

export interface PropertyCheckDef<T> extends CheckCommon {
  kind: 'property';
  /** What must hold, as a sentence the learner reads when it does not. */
  claim: string;
  inputs: Arbitrary<T>;
  /** Throws a `Violation` (see `violated` / `expectClose`) when the claim fails for this input. */
  holds: (input: T, ctx: CheckContext) => Promise<void>;
  numRuns?: number;
  /** Renders an input for the report (default: a compact JSON-like form). */
  show?: (input: T) => string;
}

export interface GradientCheckDef extends CheckCommon {
  kind: 'gradient';
  /** The point to check at: the variables to differentiate by, each an NdArray. */
  at: () => Record<string, NdArray>;
  /** The scalar cost at a point, with the forward pass and cost of whoever `ctx` calls: the reference's in `npm run fixtures` (stored), the learner's at grading. */
  cost: (ctx: CheckContext, point: Record<string, NdArray>) => Promise<number>;
  /** The learner's analytic gradients at a point, keyed like the point. */
  gradients: (ctx: CheckContext, point: Record<string, NdArray>) => Promise<Record<string, Value>>;
  /** "entries": a two-sided difference per element; "directional": a few random directions per variable. */
  mode?: 'entries' | 'directional';
  epsilon?: number;
  /** Largest relative error ‖g − g̃‖ / (‖g‖ + ‖g̃‖) that passes. */
  tolerance?: number;
}

export function defineAssignment(def: AssignmentDef): AssignmentDef {
  return def;
}

export function reference(def: Omit<ReferenceCheckDef, 'kind'>): ReferenceCheckDef {
  return { kind: 'reference', ...def };
}

export function property<T>(def: Omit<PropertyCheckDef<T>, 'kind'>): PropertyCheckDef<T> {
  return { kind: 'property', ...def };
}

export function gradient(def: Omit<GradientCheckDef, 'kind'>): GradientCheckDef {
  return { kind: 'gradient', ...def };
}
