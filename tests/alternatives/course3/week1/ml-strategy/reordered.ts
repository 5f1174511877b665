/** Correct alternative: other formulas and iteration orders (reverse scan for ties, set membership for splits). */
import { np } from '../../../../../lib/np-random';
import { PROBLEMS_IN_ORDER, REMEDIES, type Problem } from '../../../../../lib/ml-strategy';
import type { Diagnosis, ErrorAnalysis, ErrorRates, MislabeledImpact, SplitOptions, Splits, CategoryTally } from '../../../../../exercises/course3/week1/ml-strategy';

export function avoidableBias(e: ErrorRates): number {
  return -(e.humanError - e.trainError);
}

export function varianceGap(e: ErrorRates): number {
  return 'trainDevError' in e && typeof e.trainDevError === 'number' ? -e.trainError + e.trainDevError : -e.trainError + e.devError;
}

export function diagnose(e: Required<ErrorRates>, minGap = 0): Diagnosis {
  const g = [avoidableBias(e), varianceGap(e), e.devError - e.trainDevError, e.testError - e.devError];
  const top = Math.max(...g);
  // The earliest stage within the tie tolerance of the largest gap.
  const winner = g.findIndex((v) => v >= top - 1e-9);
  const problem: Problem = g[winner]! - minGap > 1e-9 ? PROBLEMS_IN_ORDER[winner]! : 'none';
  return { gaps: { avoidableBias: g[0]!, variance: g[1]!, dataMismatch: g[2]!, devOverfitting: g[3]! }, problem, remedies: REMEDIES[problem].slice() };
}

export function makeSplits(webCount: number, mobileCount: number, { mobileTrainFraction, trainDevFraction }: SplitOptions, seed: number): Splits {
  np.random.seed(seed);
  const shuffledMobile = np.random.permutation(mobileCount);
  const inPool = Math.round(mobileCount * mobileTrainFraction);
  const poolIds = Array.from({ length: webCount + inPool }, (_, k) => (k < webCount ? k : webCount + shuffledMobile[k - webCount]!));
  const draw = np.random.permutation(poolIds.length);
  const held = new Set<number>();
  const nHeld = Math.round(poolIds.length * trainDevFraction);
  for (let k = 0; k < nHeld; k++) held.add(poolIds[draw[k]!]!);
  const devCount = Math.ceil((mobileCount - inPool) / 2);
  const devSet = new Set<number>();
  for (let k = inPool; k < inPool + devCount; k++) devSet.add(webCount + shuffledMobile[k]!);
  const trainSet = new Set(poolIds);
  const out: Splits = { train: [], trainDev: [], dev: [], test: [] };
  for (let id = 0; id < webCount + mobileCount; id++) {
    if (held.has(id)) out.trainDev.push(id);
    else if (trainSet.has(id)) out.train.push(id);
    else if (devSet.has(id)) out.dev.push(id);
    else out.test.push(id);
  }
  return out;
}

export function errorAnalysis(tags: string[][], devSize: number): ErrorAnalysis {
  const devError = tags.length / devSize;
  const categories: Record<string, CategoryTally> = {};
  const names = [...new Set(tags.flat())];
  for (const name of names) {
    const count = tags.reduce((n, t) => n + (t.includes(name) ? 1 : 0), 0);
    const share = count / tags.length;
    categories[name] = { count, share, errorIfFixed: devError * (1 - share) };
  }
  return { devError, categories };
}

export function mislabeledImpact(devError: number, mislabeled: number, examined: number, minRatio = 0.25): MislabeledImpact {
  const otherError = (devError * (examined - mislabeled)) / examined;
  const labelError = devError - otherError;
  return { labelError, otherError, worthFixing: labelError >= minRatio * otherError };
}

export const alternative = { style: 'reordered', fns: ['avoidableBias', 'varianceGap', 'diagnose', 'makeSplits', 'errorAnalysis', 'mislabeledImpact'] };
