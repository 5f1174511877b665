/**
 * A sandbox started before `npm run grade` loads its command and graders
 * (graders/grade-prestart.ts, run first by graders/launch.mjs): the child's
 * start (~150 ms: Node, TensorFlow.js, the runner) then overlaps the grading
 * process's own loading instead of following it. runGrading takes it over;
 * a run that ends without doing so stops it.
 */
import { Sandbox } from './client';
import { dropEarlySandbox } from './early';
import { sameTuning, sandboxTuning, type SandboxTuning } from '../to-run';

let early: { sandbox: Sandbox; root: string; tuning: SandboxTuning } | undefined;

export function prestartSandbox(root: string, tuning = sandboxTuning(1), argv?: string[]): void {
  if (early) return;
  const sandbox = new Sandbox({ root, tuning, ...(argv ? { earlyFor: argv } : {}) });
  early = { sandbox, root, tuning };
  // A start that fails is tried again, and reported, when runGrading warms the sandbox up.
  sandbox.warmUp().catch(() => undefined);
  // A command that ends some other way (process.exit on a closed stdout) leaves no process or folder behind.
  process.once('exit', dropPrestartedSandbox);
}
/** The sandbox started ahead for this root and not yet taken, if any (it stays where it is). */
export function waitingSandbox(root: string): Sandbox | undefined {
  return early?.root === root ? early.sandbox : undefined;
}

/**
 * The sandbox started ahead for this root, handed over once (the caller closes it); undefined when none was,
 * or when it was started with another tuning than `tuning` (then it is left to be dropped).
 */
export function takePrestartedSandbox(root: string, tuning = sandboxTuning(1)): Sandbox | undefined {
  if (!early || early.root !== root || !sameTuning(early.tuning, tuning)) return undefined;
  const { sandbox } = early;
  early = undefined;
  return sandbox;
}

/** Stops a sandbox started ahead that nothing took, without waiting for its start. */
export function dropPrestartedSandbox(): void {
  early?.sandbox.abandon();
  early = undefined;
  dropEarlySandbox(); // graders/launch.mjs's, if this run's sandbox did not take it
}
