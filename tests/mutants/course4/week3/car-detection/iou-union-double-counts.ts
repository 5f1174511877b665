import type { Box } from '../../../../../solutions/course4/week3/car-detection';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'iou',
  hint: 'The union counts the intersection twice: union = area(box1) + area(box2) − intersection.',
};

export function iou(box1: Box, box2: Box): number {
  const inter = Math.max(Math.min(box1[2], box2[2]) - Math.max(box1[0], box2[0]), 0) * Math.max(Math.min(box1[3], box2[3]) - Math.max(box1[1], box2[1]), 0);
  const a1 = (box1[2] - box1[0]) * (box1[3] - box1[1]);
  const a2 = (box2[2] - box2[0]) * (box2[3] - box2[1]);
  return inter / (a1 + a2);
}
