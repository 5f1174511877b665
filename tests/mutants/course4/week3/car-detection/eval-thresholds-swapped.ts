import type { Detections, YoloOutputs } from '../../../../../solutions/course4/week3/car-detection';
import { nonMaxSuppression, yoloBoxesToCorners, yoloFilterBoxes } from '../../../../../solutions/course4/week3/car-detection';
import { scaleBoxes } from '../../../../../lib/yolo-utils';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'yoloEval',
  hint: 'The score threshold and the IoU threshold are swapped: filter with scoreThreshold, suppress with iouThreshold.',
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
  const [scores, boxes, classes] = yoloFilterBoxes(boxConfidence, corners, boxClassProbs, iouThreshold);
  return nonMaxSuppression(scores, scaleBoxes(boxes, imageShape), classes, maxBoxes, scoreThreshold);
}
