import type { Segment } from '../../../../../solutions/course5/week3/trigger-word';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'isOverlapping', hint: 'Only the first previous segment is looked at (a return inside the loop): answer false only after checking every previous segment.' };

export function isOverlapping(segmentTime: Segment, previousSegments: Segment[]): boolean {
  const [start, end] = segmentTime;
  for (const [prevStart, prevEnd] of previousSegments) {
    return start <= prevEnd && end >= prevStart;
  }
  return false;
}
