import type { Segment } from '../../../../../solutions/course5/week3/trigger-word';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'isOverlapping', hint: 'Segments that only touch (one ends at the millisecond the other starts) overlap: ends are included, so compare with <=, not <.' };

export function isOverlapping(segmentTime: Segment, previousSegments: Segment[]): boolean {
  const [start, end] = segmentTime;
  for (const [prevStart, prevEnd] of previousSegments) {
    if (start < prevEnd && end > prevStart) return true;
  }
  return false;
}
