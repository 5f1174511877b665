/**
 * Course 4, week 3 — Autonomous driving: car detection with YOLO.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';
import { scaleBoxes } from '../../../lib/yolo-utils';

/** A box by its corners, as iou takes it: [x1, y1, x2, y2] (upper-left, lower-right). */
export type Box = [x1: number, y1: number, x2: number, y2: number];

/** What YOLO's last layer gives, per grid cell and anchor: [boxXy, boxWh, boxConfidence, boxClassProbs]. */
export type YoloOutputs = [boxXy: tf.Tensor4D, boxWh: tf.Tensor4D, boxConfidence: tf.Tensor4D, boxClassProbs: tf.Tensor4D];

/** The kept detections: [scores [k], boxes [k, 4], classes [k]]. */
export type Detections = [scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D];

/** Intersection over union of two boxes given by their corners [x1, y1, x2, y2]. */
export function iou(box1: Box, box2: Box): number {
  const [b1x1, b1y1, b1x2, b1y2] = box1;
  const [b2x1, b2y1, b2x2, b2y2] = box2;
  const xi1 = Math.max(b1x1, b2x1);
  const yi1 = Math.max(b1y1, b2y1);
  const xi2 = Math.min(b1x2, b2x2);
  const yi2 = Math.min(b1y2, b2y2);
  const interArea = Math.max(xi2 - xi1, 0) * Math.max(yi2 - yi1, 0);
  const box1Area = (b1x2 - b1x1) * (b1y2 - b1y1);
  const box2Area = (b2x2 - b2x1) * (b2y2 - b2y1);
  const unionArea = box1Area + box2Area - interArea;
  return interArea / unionArea;
}

/** Center and size (x, y), (w, h) → corners [y1, x1, y2, x2], the order tf.image.nonMaxSuppression takes. */
export function yoloBoxesToCorners(boxXy: tf.Tensor4D, boxWh: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const mins = tf.sub(boxXy, tf.div(boxWh, 2));
    const maxes = tf.add(boxXy, tf.div(boxWh, 2));
    const [xMin, yMin] = tf.split(mins, 2, -1);
    const [xMax, yMax] = tf.split(maxes, 2, -1);
    return tf.concat([yMin!, xMin!, yMax!, xMax!], -1) as tf.Tensor4D;
  });
}

/** Keeps the boxes whose best class score (confidence × class probability) is at least the threshold. */
export function yoloFilterBoxes(boxConfidence: tf.Tensor4D, boxes: tf.Tensor4D, boxClassProbs: tf.Tensor4D, threshold = 0.6): Detections {
  return tf.tidy(() => {
    const boxScores = tf.mul(boxConfidence, boxClassProbs);
    const boxClasses = tf.argMax(boxScores, -1).flatten();
    const boxClassScores = tf.max(boxScores, -1).flatten();
    const mask = tf.greaterEqual(boxClassScores, threshold).dataSync();
    const kept: number[] = [];
    mask.forEach((keep, i) => {
      if (keep) kept.push(i);
    });
    const indices = tf.tensor1d(kept, 'int32');
    return [
      tf.gather(boxClassScores, indices) as tf.Tensor1D,
      tf.gather(tf.reshape(boxes, [-1, 4]), indices) as tf.Tensor2D,
      tf.gather(boxClasses, indices) as tf.Tensor1D,
    ];
  });
}

/** Non-max suppression over all the boxes (whatever their class), keeping at most maxBoxes, best first. */
export function nonMaxSuppression(scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D, maxBoxes = 10, iouThreshold = 0.5): Detections {
  return tf.tidy(() => {
    const indices = tf.image.nonMaxSuppression(boxes, scores, maxBoxes, iouThreshold);
    return [tf.gather(scores, indices) as tf.Tensor1D, tf.gather(boxes, indices) as tf.Tensor2D, tf.gather(classes, indices) as tf.Tensor1D];
  });
}

/** The whole pipeline: corners, score filtering, scaling to the image, non-max suppression. */
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
  return nonMaxSuppression(scores, scaleBoxes(boxes, imageShape), classes, maxBoxes, iouThreshold);
}
