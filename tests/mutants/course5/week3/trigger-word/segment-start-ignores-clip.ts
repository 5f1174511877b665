import { np } from '../../../../../lib/np-random';
import type { Segment } from '../../../../../solutions/course5/week3/trigger-word';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'getRandomTimeSegment', hint: 'Draw the start with np.random.randint(0, totalMs − segmentMs), so that the clip fits in the background.' };

export function getRandomTimeSegment(segmentMs: number, totalMs = 10000, seed?: number): Segment {
  if (seed !== undefined) np.random.seed(seed);
  const start = np.random.randint(0, totalMs, 1)[0]!;
  return [start, start + segmentMs - 1];
}
