import type { Segment } from '../../../../../solutions/course5/week3/trigger-word';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'isOverlapping', hint: 'A segment that contains a previous one entirely is missed: testing whether an end of the new segment lies inside a previous one is not enough; test start <= previousEnd && end >= previousStart.' };

export function isOverlapping(segmentTime: Segment, previousSegments: Segment[]): boolean {
  const [start, end] = segmentTime;
  const inside = (t: number, [s, e]: Segment) => t >= s && t <= e;
  return previousSegments.some((p) => inside(start, p) || inside(end, p));
}
