export * from '../../../../../solutions/course2/week3/hyperparameter-tuning';

export const mutant = { fn: 'zoomIn', hint: 'The values are sorted by themselves, not by their scores: pair each value with its score and sort by the score.' };

export function zoomIn(values: number[], scores: number[], k: number): [number, number] {
  void scores;
  const best = [...values].sort((a, b) => b - a).slice(0, k);
  return [Math.min(...best), Math.max(...best)];
}
