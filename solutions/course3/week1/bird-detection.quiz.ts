/**
 * Structuring machine learning projects, week 1 — Case study: bird detection for a city: the answer book (grader edition only).
 * One entry per question of graders/course3/week1/bird-detection.quiz.json: an option id, a list of
 * option ids, a number, or an order — or a function of the variant's numbers
 * when the answer depends on them (computed, never typed per variant).
 *
 * The parameter grids keep every comparison clear: the training error and the
 * human levels are multiples of 0.5 and the dev error a multiple of 0.5 plus
 * 0.25, so the avoidable bias (against either reference) and the variance
 * always differ by at least 0.25 points.
 */
import { defineAnswers, type Params } from '../../../graders/engine/quiz/types';

const num = (v: number | string) => Number(v);

/** The city's limits and the four candidate models of question pick-model (as in the quiz text). */
const MEMORY_LIMIT_MB = 256;
const MODELS = [
  { id: 'a', f1: 96.1, ms: 130, mb: 190 },
  { id: 'b', f1: 94.8, ms: 95, mb: 120 },
  { id: 'c', f1: 93.0, ms: 55, mb: 60 },
  { id: 'd', f1: 97.2, ms: 70, mb: 410 },
];

/** The best model by F1 among those within both satisficing limits. */
export function pickModel(p: Params): string {
  const ok = MODELS.filter((m) => m.ms <= num(p.latencyMs) && m.mb <= MEMORY_LIMIT_MB);
  if (!ok.length) throw new Error(`no model is within ${p.latencyMs} ms and ${MEMORY_LIMIT_MB} MB`);
  return ok.reduce((best, m) => (m.f1 > best.f1 ? m : best)).id;
}

/** The best human performance: the proxy for Bayes error. */
export const bayes = (p: Params) => Math.min(num(p.panel), num(p.birder), num(p.volunteer));
export const avoidableBias = (p: Params, human = bayes(p)) => num(p.train) - human;
export const variance = (p: Params) => num(p.dev) - num(p.train);
/** True when the avoidable bias (against this human level) is the larger gap. */
export const biasFirst = (p: Params, human = bayes(p)) => avoidableBias(p, human) > variance(p);

export default defineAnswers({
  metric: 'a',
  'pick-model': pickModel,
  split: 'a',
  'dev-test': ['b', 'd'],
  'metric-change': 'b',
  chain: ['train', 'dev', 'test', 'city'],
  'dev-overfit': 'a',
  bayes,
  'avoidable-bias': (p) => avoidableBias(p),
  variance,
  focus: (p) => (biasFirst(p) ? 'a' : 'b'),
  tactics: (p) => (biasFirst(p) ? ['a', 'b'] : ['c', 'd']),
  'birder-reference': (p) => (biasFirst(p) !== biasFirst(p, num(p.birder)) ? 'a' : 'b'),
  'beyond-human': ['a', 'b'],
});
