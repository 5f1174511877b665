import type { MislabeledImpact } from '../../../../../solutions/course3/week1/ml-strategy';
export * from '../../../../../solutions/course3/week1/ml-strategy';

export const mutant = { fn: 'mislabeledImpact', hint: 'labelError is the share of mislabeled examples among those examined; scale it by the dev error: devError × mislabeled / examined (6% of a 10% error is 0.6%).' };

export function mislabeledImpact(devError: number, mislabeled: number, examined: number, minRatio = 0.25): MislabeledImpact {
  const labelError = mislabeled / examined;
  const otherError = devError - labelError;
  return { labelError, otherError, worthFixing: labelError >= minRatio * otherError };
}
