import type { ErrorRates } from '../../../../../solutions/course3/week1/ml-strategy';
export * from '../../../../../solutions/course3/week1/ml-strategy';

export const mutant = { fn: 'avoidableBias', hint: 'The avoidable bias is measured against 0; measure it against human-level error, the proxy for Bayes error: trainError − humanError.' };

export function avoidableBias(errors: ErrorRates): number {
  return errors.trainError;
}
