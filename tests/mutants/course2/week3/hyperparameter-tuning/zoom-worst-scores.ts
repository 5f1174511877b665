export * from '../../../../../solutions/course2/week3/hyperparameter-tuning';

export const mutant = { fn: 'zoomIn', hint: 'The k values kept are those with the lowest scores: sort by score in decreasing order (b.score − a.score), higher is better.' };

export function zoomIn(values: number[], scores: number[], k: number): [number, number] {
  const best = values
    .map((value, i) => ({ value, score: scores[i]! }))
    .sort((a, b) => a.score - b.score)
    .slice(0, k)
    .map((p) => p.value);
  return [Math.min(...best), Math.max(...best)];
}
