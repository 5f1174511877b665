/**
 * Structuring machine learning projects, week 2 — Case study: a driving assistant: the answer book (grader edition only).
 * One entry per question of graders/course3/week2/driving-assistant.quiz.json: an option id, a list of
 * option ids, a number, or an order — or a function of the variant's numbers
 * when the answer depends on them (computed, never typed per variant).
 *
 * The parameter grids keep every comparison clear:
 * - gaps: human and training error are multiples of 0.5, train-dev error a
 *   multiple of 0.5 plus 0.15, dev error a multiple of 0.5; so avoidable bias
 *   ≡ 0, variance ≡ 0.15 and data mismatch ≡ 0.35 (mod 0.5), and any two gaps
 *   differ by at least 0.15 points;
 * - causes: the counts are 8k + 6 (glare), 8k (rain), 8k + 4 (night) and
 *   8k + 2 (far objects), so no two are ever equal;
 * - wrong labels: 6 or 8 of 200 (with a dev error of 10.5–14 %, at most 0.56
 *   points, below either gap between the networks, 0.8 or 1) or 30 or 36 of
 *   200 (at least 1.575 points, above either), so the answer never sits near
 *   the boundary.
 */
import { defineAnswers, type Params } from '../../../graders/engine/quiz/types';

const num = (v: number | string) => Number(String(v).replace(/,/g, ''));

/** The number of misclassified dev frames the engineer examined. */
const EXAMINED = 200;
const CAUSES = ['glare', 'rain', 'night', 'distant'] as const;
/** Option ids of question first-cause, per cause. */
const CAUSE_OPTION = { glare: 'a', rain: 'b', night: 'c', distant: 'd' } as const;

export const avoidableBias = (p: Params) => num(p.train) - num(p.human);
export const variance = (p: Params) => num(p.trainDev) - num(p.train);
export const dataMismatch = (p: Params) => num(p.dev) - num(p.trainDev);
/** How much of the dev error fixing every frame of a cause could remove at most. */
export const ceiling = (p: Params, cause: string) => (num(p.dev) * num(p[cause]!)) / EXAMINED;

/** The causes, largest ceiling first. */
export const byCeiling = (p: Params) => [...CAUSES].sort((a, b) => ceiling(p, b) - ceiling(p, a));

function largestGap(p: Params): string {
  const gaps: [string, number][] = [
    ['a', avoidableBias(p)],
    ['b', variance(p)],
    ['c', dataMismatch(p)],
  ];
  return gaps.reduce((best, g) => (g[1] > best[1] ? g : best))[0];
}

/** Transfer learning: with a few thousand frames or fewer, retrain only the last layer(s); with many, fine-tune all. */
const SMALL_DATA = 10_000;

export default defineAnswers({
  split: 'a',
  variance,
  mismatch: dataMismatch,
  'largest-gap': largestGap,
  'mismatch-remedies': ['a', 'b', 'c'],
  synthetic: 'a',
  ceiling: (p) => ceiling(p, 'night'),
  'first-cause': (p) => CAUSE_OPTION[byCeiling(p)[0]!],
  'ceiling-order': byCeiling,
  'fix-labels': (p) => (ceiling(p, 'mislabeled') > num(p.modelGap) ? 'a' : 'b'),
  'label-practice': ['a', 'b', 'c'],
  transfer: (p) => (num(p.scooterImages) < SMALL_DATA ? 'a' : 'b'),
  'missing-labels': 'a',
  multitask: ['a', 'b', 'c'],
  'end-to-end': 'a',
});
