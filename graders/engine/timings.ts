/**
 * Per-phase timings of one run, printed to stderr when DEEPGRADE_TIMINGS=1:
 * where the time of `npm run grade` goes (process start, graders loaded,
 * TensorFlow.js loaded here, sandbox ready, each exercise, reports written),
 * then the slowest checks. Off by default, and then free: a mark is one boolean test.
 */
const on = !!process.env.DEEPGRADE_TIMINGS;
const marks: [string, number][] = [];
const checks: [string, number][] = [];
/** How many of the slowest checks are listed. */
const SLOWEST = 15;

/**
 * Records how long one check took, from its start to its result (its calls' time in the sandbox, waiting for
 * the sandbox included: with two lanes, the other lane's work can stretch it). Hidden calls that wait for the
 * hidden phase are not in it.
 */
export function checkTime(check: string, ms: number): void {
  if (on) checks.push([check, ms]);
}

/** Records that a phase ended now (milliseconds since the process started). */
export function mark(phase: string): void {
  if (on) marks.push([phase, performance.now()]);
}

/** Prints the phases, each with when it ended and how long since the previous mark. */
export function printTimings(out: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  if (!on) return;
  out('deepgrade timings (ms since the process started; + since the previous mark):');
  let previous = 0;
  for (const [phase, t] of [...marks].sort((a, b) => a[1] - b[1])) {
    out(`  ${t.toFixed(0).padStart(6)}  +${(t - previous).toFixed(0).padStart(5)}  ${phase}`);
    previous = t;
  }
  if (!checks.length) return;
  const total = checks.reduce((sum, [, ms]) => sum + ms, 0);
  out(`slowest checks (of ${checks.length}, ${total.toFixed(0)} ms in all; ms from a check's start to its result):`);
  for (const [check, ms] of [...checks].sort((a, b) => b[1] - a[1]).slice(0, SLOWEST)) out(`  ${ms.toFixed(0).padStart(6)}  ${check}`);
}
