import { PROBLEMS_IN_ORDER, REMEDIES, type Problem } from '../../../../../lib/ml-strategy';
import { avoidableBias, varianceGap, type Diagnosis, type ErrorRates } from '../../../../../solutions/course3/week1/ml-strategy';
export * from '../../../../../solutions/course3/week1/ml-strategy';

export const mutant = { fn: 'diagnose', hint: 'The problem is the first gap above minGap; it should be the largest gap (the one to work on), ties going to the earlier stage.' };

export function diagnose(errors: Required<ErrorRates>, minGap = 0): Diagnosis {
  const gaps = { avoidableBias: avoidableBias(errors), variance: varianceGap(errors), dataMismatch: errors.devError - errors.trainDevError, devOverfitting: errors.testError - errors.devError };
  const values = [gaps.avoidableBias, gaps.variance, gaps.dataMismatch, gaps.devOverfitting];
  const first = values.findIndex((v) => v > minGap + 1e-9);
  const problem: Problem = first >= 0 ? PROBLEMS_IN_ORDER[first]! : 'none';
  return { gaps, problem, remedies: [...REMEDIES[problem]] };
}
