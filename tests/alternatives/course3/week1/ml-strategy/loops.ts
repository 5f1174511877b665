/** Correct alternative: everything with plain for-loops and index arithmetic. */
import { np } from '../../../../../lib/np-random';
import { PROBLEMS_IN_ORDER, REMEDIES, type Problem } from '../../../../../lib/ml-strategy';
import type { Diagnosis, ErrorAnalysis, ErrorRates, MislabeledImpact, SplitOptions, Splits, CategoryTally } from '../../../../../exercises/course3/week1/ml-strategy';

const TIE = 1e-9;

export function avoidableBias(errors: ErrorRates): number {
  const human = errors.humanError;
  const train = errors.trainError;
  return train - human;
}

export function varianceGap(errors: ErrorRates): number {
  let heldOut = errors.devError;
  if (errors.trainDevError !== undefined) heldOut = errors.trainDevError;
  return heldOut - errors.trainError;
}

export function diagnose(errors: Required<ErrorRates>, minGap = 0): Diagnosis {
  const chain = [errors.humanError, errors.trainError, errors.trainDevError, errors.devError, errors.testError];
  const diffs: number[] = [];
  for (let i = 1; i < chain.length; i++) diffs.push(chain[i]! - chain[i - 1]!);
  let bestIndex = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < diffs.length; i++) {
    if (bestIndex < 0 || diffs[i]! > bestValue + TIE) {
      bestIndex = i;
      bestValue = diffs[i]!;
    }
  }
  let problem: Problem = 'none';
  if (bestValue > minGap + TIE) problem = PROBLEMS_IN_ORDER[bestIndex]!;
  const remedies: string[] = [];
  for (const r of REMEDIES[problem]) remedies.push(r);
  return {
    gaps: { avoidableBias: diffs[0]!, variance: diffs[1]!, dataMismatch: diffs[2]!, devOverfitting: diffs[3]! },
    problem,
    remedies,
  };
}

function insertionSort(a: number[]): number[] {
  for (let i = 1; i < a.length; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
  return a;
}

export function makeSplits(webCount: number, mobileCount: number, options: SplitOptions, seed: number): Splits {
  np.random.seed(seed);
  const perm = np.random.permutation(mobileCount);
  const kTrain = Math.round(options.mobileTrainFraction * mobileCount);
  const pool: number[] = [];
  for (let i = 0; i < webCount; i++) pool.push(i);
  const dev: number[] = [];
  const test: number[] = [];
  const rest = mobileCount - kTrain;
  const devSize = Math.ceil(rest / 2);
  for (let i = 0; i < mobileCount; i++) {
    const id = webCount + perm[i]!;
    if (i < kTrain) pool.push(id);
    else if (i - kTrain < devSize) dev.push(id);
    else test.push(id);
  }
  const order = np.random.permutation(pool.length);
  const kTrainDev = Math.round(options.trainDevFraction * pool.length);
  const train: number[] = [];
  const trainDev: number[] = [];
  for (let i = 0; i < order.length; i++) {
    if (i < kTrainDev) trainDev.push(pool[order[i]!]!);
    else train.push(pool[order[i]!]!);
  }
  return { train: insertionSort(train), trainDev: insertionSort(trainDev), dev: insertionSort(dev), test: insertionSort(test) };
}

export function errorAnalysis(tags: string[][], devSize: number): ErrorAnalysis {
  const n = tags.length;
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const t = tags[i]!;
    for (let j = 0; j < t.length; j++) counts[t[j]!] = (counts[t[j]!] ?? 0) + 1;
  }
  const categories: Record<string, CategoryTally> = {};
  for (const tag of Object.keys(counts)) {
    const c = counts[tag]!;
    categories[tag] = { count: c, share: c / n, errorIfFixed: (n - c) / devSize };
  }
  return { devError: n / devSize, categories };
}

export function mislabeledImpact(devError: number, mislabeled: number, examined: number, minRatio = 0.25): MislabeledImpact {
  const fraction = mislabeled / examined;
  const labelError = devError * fraction;
  const otherError = devError * (1 - fraction);
  return { labelError, otherError, worthFixing: labelError >= minRatio * otherError };
}

export const alternative = { style: 'loops', fns: ['avoidableBias', 'varianceGap', 'diagnose', 'makeSplits', 'errorAnalysis', 'mislabeledImpact'] };
