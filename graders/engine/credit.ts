import type { CheckResult } from './report/model';

/**
 * A function's properties count once it matches the reference on at least one of its cases.
 *
 * Many properties compare a function's output with another output of its own (shift invariance, permuting the
 * batch, a learning rate of 0 changing nothing, never negative, ln 2 at one half) and hold for code that
 * computes nothing: a constant, or its input handed back. While every reference case of the function fails,
 * those points would be earned by exactly such code, so a property that held fails, saying it held and why it
 * does not count yet (a failed check is listed in the terminal; a skipped one is not).
 * Hidden checks compare with the reference on inputs of their own and are left as they are; a function with no
 * reference case (only properties) is too. One small bug that fails every case costs the properties' points
 * too, which is the price of not paying for code that ignores its input.
 */
export function propertiesAfterCases(fn: string, checks: CheckResult[]): CheckResult[] {
  const cases = checks.filter((c) => c.kind === 'reference' && c.maxScore > 0 && c.status !== 'skipped');
  if (!cases.length || cases.some((c) => c.score > 0)) return checks;
  return checks.map((c) =>
    c.kind === 'property' && !c.hidden && c.status === 'passed' && c.score > 0
      ? {
          ...c,
          status: 'failed',
          score: 0,
          message: `This property holds, but it counts only once ${fn} matches the reference on at least one case: a property like this one also holds for code that computes nothing (a constant, its input handed back), and every case of ${fn} fails so far.`,
        }
      : c,
  );
}
