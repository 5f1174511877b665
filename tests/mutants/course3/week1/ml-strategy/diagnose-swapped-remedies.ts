import { PROBLEMS_IN_ORDER, REMEDIES, type Problem } from '../../../../../lib/ml-strategy';
import { avoidableBias, varianceGap, type Diagnosis, type ErrorRates } from '../../../../../solutions/course3/week1/ml-strategy';
export * from '../../../../../solutions/course3/week1/ml-strategy';

export const mutant = { fn: 'diagnose', hint: "The remedies of bias and variance are swapped: avoidable bias calls for a bigger model or longer training, variance for more data or regularization." };

export function diagnose(errors: Required<ErrorRates>, minGap = 0): Diagnosis {
  const gaps = { avoidableBias: avoidableBias(errors), variance: varianceGap(errors), dataMismatch: errors.devError - errors.trainDevError, devOverfitting: errors.testError - errors.devError };
  const values = [gaps.avoidableBias, gaps.variance, gaps.dataMismatch, gaps.devOverfitting];
  let best = 0;
  values.forEach((v, i) => {
    if (v > values[best]! + 1e-9) best = i;
  });
  const problem: Problem = values[best]! > minGap + 1e-9 ? PROBLEMS_IN_ORDER[best]! : 'none';
  const remediesOf: Problem = problem === 'avoidable bias' ? 'variance' : problem === 'variance' ? 'avoidable bias' : problem;
  return { gaps, problem, remedies: [...REMEDIES[remediesOf]] };
}
