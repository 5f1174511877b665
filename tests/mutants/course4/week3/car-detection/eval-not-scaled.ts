import type { Detections, YoloOutputs } from '../../../../../solutions/course4/week3/car-detection';
import { nonMaxSuppression, yoloBoxesToCorners, yoloFilterBoxes } from '../../../../../solutions/course4/week3/car-detection';
import { scaleBoxes } from '../../../../../lib/yolo-utils';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'yoloEval',
  hint: 'The boxes are not scaled to the image: call scaleBoxes(boxes, imageShape) between filtering and non-max suppression.',
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
  void scaleBoxes;
  void imageShape;
  const [scores, boxes, classes] = yoloFilterBoxes(boxConfidence, corners, boxClassProbs, scoreThreshold);
  return nonMaxSuppression(scores, boxes, classes, maxBoxes, iouThreshold);
}
