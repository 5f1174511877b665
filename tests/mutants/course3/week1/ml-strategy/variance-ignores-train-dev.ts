import type { ErrorRates } from '../../../../../solutions/course3/week1/ml-strategy';
export * from '../../../../../solutions/course3/week1/ml-strategy';

export const mutant = { fn: 'varianceGap', hint: 'The variance uses the dev error even when there is a train-dev set: with dev from another distribution, dev − train mixes variance with data mismatch; use trainDevError − trainError.' };

export function varianceGap(errors: ErrorRates): number {
  return errors.devError - errors.trainError;
}
