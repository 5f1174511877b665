import { np } from '../../../../../lib/np-random';
import type { Segment } from '../../../../../solutions/course5/week3/trigger-word';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'getRandomTimeSegment', hint: 'The segment is one millisecond too long: its end is included, so end = start + segmentMs − 1.' };

export function getRandomTimeSegment(segmentMs: number, totalMs = 10000, seed?: number): Segment {
  if (seed !== undefined) np.random.seed(seed);
  const start = np.random.randint(0, totalMs - segmentMs, 1)[0]!;
  return [start, start + segmentMs];
}
