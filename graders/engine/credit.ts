import type { CheckResult } from './report/model';

/**
 * A function's properties and gradient checks count once it matches the reference on at least one of its cases.
 *
 * Many properties compare a function's output with another output of its own (shift invariance, permuting the
 * batch, a learning rate of 0 changing nothing, never negative, ln 2 at one half) and hold for code that
 * computes nothing: a constant, or its input handed back. Others, and the gradient checks, run on fixed inputs
 * the learner edition ships (the flower dataset, a check point and the reference's costs around it), which code
 * can answer from a table. While every reference case of the function fails (with hidden cases, reference.ts
 * scores a check by the smaller of the public and hidden shares, so a table of the public answers earns
 * nothing there), such a check that passed fails, saying it passed and why it does not count yet (a failed
 * check is listed in the terminal; a skipped one is not). Hidden checks draw their inputs from a secret seed and
 * are left as they are; a function with no reference case (only properties) is too. One small bug that fails
 * every case costs these points too: the price of not paying for code that computes nothing.
 */
export function propertiesAfterCases(fn: string, checks: CheckResult[]): CheckResult[] {
  const cases = checks.filter((c) => c.kind === 'reference' && c.maxScore > 0 && c.status !== 'skipped');
  if (!cases.length || cases.some((c) => c.score > 0)) return checks;
  return checks.map((c) =>
    (c.kind === 'property' || c.kind === 'gradient') && !c.hidden && c.status === 'passed' && c.score > 0
      ? {
          ...c,
          status: 'failed',
          score: 0,
          message: `${c.kind === 'gradient' ? 'The gradient check passes' : 'This property holds'}, but it counts only once ${fn} matches the reference on at least one case: a check like this one can also pass for code that computes nothing (a constant, its input handed back, answers looked up for the published inputs), and every case of ${fn} fails so far.`,
        }
      : c,
  );
}
