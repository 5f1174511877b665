/**
 * Correct alternative: equivalent formulas — IoU through the union's reciprocal, corners as
 * [xy − wh/2, xy + wh/2] re-ordered with tf.gather, scores as confidence × max probability,
 * NMS through tf.image.nonMaxSuppressionWithScore, and yoloEval scaling before filtering.
 */
import * as tf from '@tensorflow/tfjs';
import { scaleBoxes } from '../../../../../lib/yolo-utils';
import type { Box, Detections, YoloOutputs } from '../../../../../exercises/course4/week3/car-detection';

export function iou([ax1, ay1, ax2, ay2]: Box, [bx1, by1, bx2, by2]: Box): number {
  const interW = Math.max(0, Math.min(ax2, bx2) - Math.max(ax1, bx1));
  const interH = Math.max(0, Math.min(ay2, by2) - Math.max(ay1, by1));
  const inter = interH * interW;
  if (inter <= 0) return 0;
  // inter / (A + B − inter) = 1 / (A/inter + B/inter − 1)
  return 1 / (((ax2 - ax1) * (ay2 - ay1)) / inter + ((bx2 - bx1) * (by2 - by1)) / inter - 1);
}

export function yoloBoxesToCorners(boxXy: tf.Tensor4D, boxWh: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const half = tf.mul(boxWh, 0.5);
    const xyxy = tf.concat([tf.sub(boxXy, half), tf.add(boxXy, half)], 3); // [x1, y1, x2, y2]
    return tf.gather(xyxy, [1, 0, 3, 2], 3) as tf.Tensor4D; // [y1, x1, y2, x2]
  });
}

export function yoloFilterBoxes(boxConfidence: tf.Tensor4D, boxes: tf.Tensor4D, boxClassProbs: tf.Tensor4D, threshold = 0.6): Detections {
  return tf.tidy(() => {
    // A confidence in (0, 1] scales every class alike: the best class is the most probable one.
    const classes = tf.argMax(boxClassProbs, 3).reshape([-1]);
    const best = tf.mul(boxConfidence.reshape([-1]), tf.max(boxClassProbs, 3).reshape([-1]));
    const keepFlags = tf.greaterEqual(best, tf.scalar(threshold)).dataSync();
    const keep = Array.from(keepFlags).reduce<number[]>((acc, flag, i) => (flag ? [...acc, i] : acc), []);
    const idx = tf.tensor1d(keep, 'int32');
    const flatBoxes = boxes.reshape([-1, 4]);
    return [best.gather(idx) as tf.Tensor1D, flatBoxes.gather(idx) as tf.Tensor2D, classes.gather(idx) as tf.Tensor1D];
  });
}

export function nonMaxSuppression(scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D, maxBoxes = 10, iouThreshold = 0.5): Detections {
  return tf.tidy(() => {
    // Soft-NMS with sigma 0 is hard NMS; it hands back the kept scores too.
    const { selectedIndices, selectedScores } = tf.image.nonMaxSuppressionWithScore(boxes, scores, maxBoxes, iouThreshold, Number.NEGATIVE_INFINITY, 0);
    return [selectedScores as tf.Tensor1D, tf.gather(boxes, selectedIndices) as tf.Tensor2D, tf.gather(classes, selectedIndices) as tf.Tensor1D];
  });
}

export function yoloEval(yoloOutputs: YoloOutputs, imageShape: [number, number] = [720, 1280], maxBoxes = 10, scoreThreshold = 0.6, iouThreshold = 0.5): Detections {
  const [boxXy, boxWh, boxConfidence, boxClassProbs] = yoloOutputs;
  return tf.tidy(() => {
    const corners = yoloBoxesToCorners(boxXy, boxWh);
    // Scale every box to pixels first, then filter: the kept boxes are the same.
    const pixels = scaleBoxes(corners.reshape([-1, 4]) as tf.Tensor2D, imageShape).reshape(corners.shape) as tf.Tensor4D;
    const [scores, boxes, classes] = yoloFilterBoxes(boxConfidence, pixels, boxClassProbs, scoreThreshold);
    return nonMaxSuppression(scores, boxes, classes, maxBoxes, iouThreshold);
  });
}

export const alternative = { style: 'reordered', fns: ['iou', 'yoloBoxesToCorners', 'yoloFilterBoxes', 'nonMaxSuppression', 'yoloEval'] };
