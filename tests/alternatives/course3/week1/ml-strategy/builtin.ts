/** Correct alternative: array built-ins (reduce, Map, Object.fromEntries, toSorted, filter). */
import { np } from '../../../../../lib/np-random';
import { PROBLEMS_IN_ORDER, REMEDIES, type Problem } from '../../../../../lib/ml-strategy';
import type { Diagnosis, ErrorAnalysis, ErrorRates, MislabeledImpact, SplitOptions, Splits } from '../../../../../exercises/course3/week1/ml-strategy';

export function avoidableBias({ trainError, humanError }: ErrorRates): number {
  return trainError - humanError;
}

export function varianceGap({ trainDevError, devError, trainError }: ErrorRates): number {
  return trainDevError === undefined ? devError - trainError : trainDevError - trainError;
}

export function diagnose(errors: Required<ErrorRates>, minGap = 0): Diagnosis {
  const keys = ['avoidableBias', 'variance', 'dataMismatch', 'devOverfitting'] as const;
  const chain = [errors.humanError, errors.trainError, errors.trainDevError, errors.devError, errors.testError];
  const values = chain.slice(1).map((v, i) => v - chain[i]!);
  const gaps = Object.fromEntries(keys.map((k, i) => [k, values[i]!])) as unknown as Diagnosis["gaps"];
  const best = values.reduce((b, v, i) => (v > values[b]! + 1e-9 ? i : b), 0);
  const problem: Problem = values[best]! > minGap + 1e-9 ? PROBLEMS_IN_ORDER[best]! : 'none';
  return { gaps, problem, remedies: Array.from(REMEDIES[problem]) };
}

export function makeSplits(webCount: number, mobileCount: number, options: SplitOptions, seed: number): Splits {
  np.random.seed(seed);
  const mobile = Array.from(np.random.permutation(mobileCount), (i) => i + webCount);
  const k = Math.round(options.mobileTrainFraction * mobileCount);
  const [mobileTrain, heldOut] = [mobile.slice(0, k), mobile.slice(k)];
  const half = heldOut.length - Math.floor(heldOut.length / 2);
  const pool = [...Array(webCount).keys(), ...mobileTrain];
  const shuffled = Array.from(np.random.permutation(pool.length), (i) => pool[i]!);
  const cut = Math.round(options.trainDevFraction * pool.length);
  const up = (a: number[]) => [...a].sort((x, y) => x - y);
  return { train: up(shuffled.slice(cut)), trainDev: up(shuffled.slice(0, cut)), dev: up(heldOut.slice(0, half)), test: up(heldOut.slice(half)) };
}

export function errorAnalysis(tags: string[][], devSize: number): ErrorAnalysis {
  const m = tags.length;
  const counts = tags.flat().reduce((acc, t) => acc.set(t, (acc.get(t) ?? 0) + 1), new Map<string, number>());
  return {
    devError: m / devSize,
    categories: Object.fromEntries([...counts].map(([t, count]) => [t, { count, share: count / m, errorIfFixed: m / devSize - count / devSize }])),
  };
}

export function mislabeledImpact(devError: number, mislabeled: number, examined: number, minRatio = 0.25): MislabeledImpact {
  const labelError = devError * (mislabeled / examined);
  const otherError = devError - labelError;
  // labelError ≥ minRatio·otherError, written without the product on the right.
  return { labelError, otherError, worthFixing: !(labelError < minRatio * otherError) };
}

export const alternative = { style: 'builtin', fns: ['avoidableBias', 'varianceGap', 'diagnose', 'makeSplits', 'errorAnalysis', 'mislabeledImpact'] };
