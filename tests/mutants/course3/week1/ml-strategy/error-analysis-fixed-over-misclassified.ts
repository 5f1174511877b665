import type { CategoryTally, ErrorAnalysis } from '../../../../../solutions/course3/week1/ml-strategy';
export * from '../../../../../solutions/course3/week1/ml-strategy';

export const mutant = { fn: 'errorAnalysis', hint: 'errorIfFixed divides by the number of misclassified examples; the dev error is over the whole dev set: (misclassified − count) / devSize.' };

export function errorAnalysis(tags: string[][], devSize: number): ErrorAnalysis {
  const misclassified = tags.length;
  const totalTags = tags.reduce((n, t) => n + t.length, 0);
  const counts = new Map<string, number>();
  for (const exampleTags of tags) for (const tag of exampleTags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const categories: Record<string, CategoryTally> = {};
  for (const [tag, count] of counts) categories[tag] = { count, share: count / misclassified, errorIfFixed: (misclassified - count) / misclassified };
  void totalTags;
  return { devError: misclassified / devSize, categories };
}
