import type { MislabeledImpact } from '../../../../../solutions/course3/week1/ml-strategy';
export * from '../../../../../solutions/course3/week1/ml-strategy';

export const mutant = { fn: 'mislabeledImpact', hint: 'The verdict is inverted: fixing labels is worth it when the error due to incorrect labels is large next to the other causes (labelError ≥ minRatio × otherError), not when it is small.' };

export function mislabeledImpact(devError: number, mislabeled: number, examined: number, minRatio = 0.25): MislabeledImpact {
  const labelError = (devError * mislabeled) / examined;
  const otherError = devError - labelError;
  return { labelError, otherError, worthFixing: labelError < minRatio * otherError };
}
