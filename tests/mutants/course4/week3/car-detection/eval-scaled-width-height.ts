import type { Detections, YoloOutputs } from '../../../../../solutions/course4/week3/car-detection';
import { nonMaxSuppression, yoloBoxesToCorners, yoloFilterBoxes } from '../../../../../solutions/course4/week3/car-detection';
import { scaleBoxes } from '../../../../../lib/yolo-utils';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'yoloEval',
  hint: 'The boxes are scaled by [width, height]: imageShape is [height, width], as scaleBoxes expects it.',
};

export function yoloEval(
  yoloOutputs: YoloOutputs,
  imageShape: [number, number] = [720, 1280],
  maxBoxes = 10,
  scoreThreshold = 0.6,
  iouThreshold = 0.5,
): Detections {
  const [boxXy, boxWh, boxConfidence, boxClassProbs] = yoloOutputs;
  const corners = yoloBoxesToCorners(boxXy, boxWh);
  const [scores, boxes, classes] = yoloFilterBoxes(boxConfidence, corners, boxClassProbs, scoreThreshold);
  return nonMaxSuppression(scores, scaleBoxes(boxes, [imageShape[1], imageShape[0]]), classes, maxBoxes, iouThreshold);
}
