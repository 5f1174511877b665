/**
 * Structuring machine learning projects, week 1 — ML strategy by the numbers.
 * Read ml-strategy.md first. Grade your work with: npm run grade -- course3/week1/ml-strategy
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 *
 * Error rates are fractions in [0, 1] (0.08 is 8%). Human-level error stands in
 * for Bayes error.
 */
import { notImplemented } from '../../../lib/not-implemented';
import { np } from '../../../lib/np-random';
import { PROBLEMS_IN_ORDER, REMEDIES, type Problem } from '../../../lib/ml-strategy';

// Used by the functions you write; `void` keeps the linter quiet until you do.
void np;
void PROBLEMS_IN_ORDER;
void REMEDIES;

/** The errors measured along the chain. trainDevError and testError may be missing outside diagnose. */
export interface ErrorRates {
  humanError: number;
  trainError: number;
  /** Error on the train-dev set: held out, but from the training distribution. */
  trainDevError?: number;
  devError: number;
  testError?: number;
}

export interface Gaps {
  avoidableBias: number;
  variance: number;
  dataMismatch: number;
  devOverfitting: number;
}

export interface Diagnosis {
  gaps: Gaps;
  problem: Problem;
  remedies: string[];
}

/** Two gaps this close are a tie (float rounding of differences of fractions). */
export const TIE = 1e-9;

/** Training error minus human-level error (the proxy for Bayes error). May be negative. */
export function avoidableBias(errors: ErrorRates): number {
  return notImplemented('avoidableBias');
}

/**
 * How much worse the model does on unseen data of its training distribution:
 * trainDevError − trainError when there is a train-dev set, else devError − trainError.
 */
export function varianceGap(errors: ErrorRates): number {
  return notImplemented('varianceGap');
}

/**
 * The four gaps, the problem with the largest (ties go to the earliest stage of
 * the chain), and its remedies. When no gap is larger than minGap the problem is 'none'.
 */
export function diagnose(errors: Required<ErrorRates>, minGap = 0): Diagnosis {
  return notImplemented('diagnose');
}

export interface SplitOptions {
  /** The share of the mobile examples that goes into the training set. */
  mobileTrainFraction: number;
  /** The share of the training pool held out as the train-dev set. */
  trainDevFraction: number;
}

export interface Splits {
  train: number[];
  trainDev: number[];
  dev: number[];
  test: number[];
}

/**
 * Web examples have ids 0 … webCount − 1, mobile examples webCount … webCount + mobileCount − 1.
 * Dev and test are mobile only; the training pool is every web example plus
 * round(mobileTrainFraction·mobileCount) mobile ones; the train-dev set is
 * carved at random from that pool. Each set comes back sorted ascending.
 *
 * The random draws, in this order (so that your sets match the reference's):
 *   1. np.random.seed(seed); mobile = np.random.permutation(mobileCount), as ids (webCount + i).
 *   2. The first Math.round(mobileTrainFraction·mobileCount) of them join the training pool;
 *      of the rest, dev takes the first ⌈rest/2⌉ and test the others.
 *   3. pool = [0, 1, …, webCount − 1, …those mobile training ids in their shuffled order];
 *      order = np.random.permutation(pool.length); the first Math.round(trainDevFraction·pool.length)
 *      of pool[order[0]], pool[order[1]], … form trainDev, the rest train.
 */
export function makeSplits(webCount: number, mobileCount: number, options: SplitOptions, seed: number): Splits {
  return notImplemented('makeSplits');
}

export interface CategoryTally {
  /** Misclassified examples with this tag. */
  count: number;
  /** count / the number of misclassified examples. */
  share: number;
  /** The dev error if every example of this category were fixed: the ceiling of working on it. */
  errorIfFixed: number;
}

export interface ErrorAnalysis {
  devError: number;
  categories: Record<string, CategoryTally>;
}

/**
 * tags[i] are the categories of the i-th misclassified dev example (distinct,
 * possibly none); devSize is the number of dev examples.
 */
export function errorAnalysis(tags: string[][], devSize: number): ErrorAnalysis {
  return notImplemented('errorAnalysis');
}

export interface MislabeledImpact {
  labelError: number;
  otherError: number;
  worthFixing: boolean;
}

/**
 * Of `examined` misclassified dev examples, `mislabeled` had a wrong label. The
 * dev error splits into errors due to incorrect labels and errors due to other
 * causes; fixing labels is worth it when labelError ≥ minRatio·otherError.
 */
export function mislabeledImpact(devError: number, mislabeled: number, examined: number, minRatio = 0.25): MislabeledImpact {
  return notImplemented('mislabeledImpact');
}
