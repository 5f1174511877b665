import type { Box } from '../../../../../solutions/course4/week3/car-detection';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'iou',
  hint: 'The intersection\'s width and height are not clamped at 0: for boxes apart in x and in y both are negative and their product is a positive "intersection". Use max(xi2 − xi1, 0) · max(yi2 − yi1, 0).',
};

export function iou(box1: Box, box2: Box): number {
  const inter = (Math.min(box1[2], box2[2]) - Math.max(box1[0], box2[0])) * (Math.min(box1[3], box2[3]) - Math.max(box1[1], box2[1]));
  const a1 = (box1[2] - box1[0]) * (box1[3] - box1[1]);
  const a2 = (box2[2] - box2[0]) * (box2[3] - box2[1]);
  return inter / (a1 + a2 - inter);
}
