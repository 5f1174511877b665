import type { ErrorRates } from '../../../../../solutions/course3/week1/ml-strategy';
export * from '../../../../../solutions/course3/week1/ml-strategy';

export const mutant = { fn: 'varianceGap', hint: 'The variance is measured from human-level error; it is the gap between the training error and the held-out error of the training distribution (trainDevError − trainError).' };

export function varianceGap(errors: ErrorRates): number {
  return (errors.trainDevError ?? errors.devError) - errors.humanError;
}
