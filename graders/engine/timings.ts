/**
 * Per-phase timings of one run, printed to stderr when DEEPGRADE_TIMINGS=1:
 * where the time of `npm run grade` goes (process start, graders loaded,
 * TensorFlow.js loaded here, sandbox ready, each exercise, reports written).
 * Off by default, and then free: a mark is one boolean test.
 */
const on = !!process.env.DEEPGRADE_TIMINGS;
const marks: [string, number][] = [];

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
}
