import type { CheckResult } from './report/model';

/**
 * A function's properties and gradient checks count once it matches the reference on its cases somewhere.
 *
 * Many properties compare a function's output with another output of its own (shift invariance, permuting the
 * batch, a learning rate of 0 changing nothing, never negative, ln 2 at one half) and hold for code that
 * computes nothing: a constant, or its input handed back. Others, and the gradient checks, run on fixed inputs
 * the learner edition ships (the flower dataset, a check point and the reference's costs around it), which code
 * can answer from a table. So while none of the function's reference checks scores, such a check that passed
 * fails, saying it passed and why it does not count yet (a failed check is listed in the terminal; a skipped one
 * is not). Hidden properties are held to it too: their inputs are secret, but one comparing the function with
 * itself holds for a constant all the same.
 *
 * With hidden cases (official grading), reference.ts scores a check by the smaller of its public and hidden
 * shares, so a table of the public answers scores nothing there; and only checks that had hidden cases open the
 * gate when the function has any: a check of fixed edge cases (no hidden twins: hidden copies of a fixed case
 * are the same case) is passed by a trivial answer such as "1 when the boxes are identical, else 0".
 * A function with no reference case keeps its checks' points as they are. One small bug that fails every case
 * costs these points too: the price of not paying for code that computes nothing.
 */
export function propertiesAfterCases(fn: string, checks: CheckResult[]): CheckResult[] {
  const cases = checks.filter((c) => c.kind === 'reference' && c.maxScore > 0 && c.status !== 'skipped');
  const withHidden = cases.filter((c) => c.hiddenCases);
  if (!cases.length || (withHidden.length ? withHidden : cases).some((c) => c.score > 0)) return checks;
  const which = withHidden.length ? `on a case of a check with hidden cases` : 'on at least one case';
  return checks.map((c) =>
    (c.kind === 'property' || c.kind === 'gradient') && c.status === 'passed' && c.score > 0
      ? {
          ...c,
          status: 'failed',
          score: 0,
          message: `${c.kind === 'gradient' ? 'The gradient check passes' : 'This property holds'}, but it counts only once ${fn} matches the reference ${which}: a check like this one can also pass for code that computes nothing (a constant, its input handed back, answers looked up for the published inputs), and no case of ${fn} counts yet.`,
        }
      : c,
  );
}
