/**
 * Course 4, week 3 — Autonomous driving: car detection with YOLO.
 *
 * YOLO ("you only look once") runs one CNN over the whole image and outputs,
 * for every cell of an S × S grid and every one of A anchor boxes, a box (its
 * centre and size), the confidence that it holds an object, and the
 * probabilities of the C classes. You write the post-processing that turns
 * those thousands of guesses into a few detections: score filtering and
 * non-max suppression.
 * Read car-detection.md first. Grade your work with: npm run grade -- course4/week3/car-detection
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';
import { scaleBoxes } from '../../../lib/yolo-utils';

/** A box by its corners, as iou takes it: [x1, y1, x2, y2] (upper-left, lower-right). */
export type Box = [x1: number, y1: number, x2: number, y2: number];

/** What YOLO's last layer gives, per grid cell and anchor: [boxXy, boxWh, boxConfidence, boxClassProbs]. */
export type YoloOutputs = [boxXy: tf.Tensor4D, boxWh: tf.Tensor4D, boxConfidence: tf.Tensor4D, boxClassProbs: tf.Tensor4D];

/** The kept detections: [scores [k], boxes [k, 4], classes [k]]. */
export type Detections = [scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D];

/**
 * Exercise 1 — intersection over union of two boxes given by their corners
 * [x1, y1, x2, y2] (x grows to the right, y downwards; (x1, y1) is the upper-left corner).
 *   the intersection is the box [xi1, yi1, xi2, yi2] with
 *     xi1 = max of the two x1, yi1 = max of the two y1, xi2 = min of the two x2, yi2 = min of the two y2
 *   its area is max(xi2 − xi1, 0) · max(yi2 − yi1, 0)   (clamp width and height separately:
 *     two boxes apart in x *and* in y have two negative sides, whose product is positive)
 *   union = area(box1) + area(box2) − intersection
 *   iou = intersection / union
 * Plain numbers: Math.max and Math.min, no tensors needed.
 */
export function iou(box1: Box, box2: Box): number {
  return notImplemented('iou');
}

/**
 * Exercise 2 — box corners from YOLO's centres and sizes (the course's yolo_boxes_to_corners).
 * boxXy [S1, S2, A, 2] holds (x, y) — the centre — and boxWh [S1, S2, A, 2] holds (w, h).
 *   mins = xy − wh / 2,   maxes = xy + wh / 2
 * Return [S1, S2, A, 4] with the corners in the order [y1, x1, y2, x2] (y first! it is the
 * order tf.image.nonMaxSuppression and scaleBoxes take):
 *   [y − h/2, x − w/2, y + h/2, x + w/2]
 * tf.split(t, 2, -1) splits the last axis into [x, y] parts; tf.concat([...], -1) joins them.
 */
export function yoloBoxesToCorners(boxXy: tf.Tensor4D, boxWh: tf.Tensor4D): tf.Tensor4D {
  return notImplemented('yoloBoxesToCorners');
}

/**
 * Exercise 3 — filter the boxes by their class scores (the course's yolo_filter_boxes).
 * boxConfidence [S1, S2, A, 1], boxes [S1, S2, A, 4], boxClassProbs [S1, S2, A, C].
 *   1. boxScores = boxConfidence × boxClassProbs          (broadcasts to [S1, S2, A, C])
 *   2. per box, the best class and its score: boxClasses = tf.argMax(boxScores, -1),
 *      boxClassScores = tf.max(boxScores, -1)              (both [S1, S2, A])
 *   3. mask = boxClassScores ≥ threshold                  (tf.greaterEqual)
 *   4. keep the masked entries of boxClassScores, boxes and boxClasses, in grid order.
 * Return [scores [k], boxes [k, 4], classes [k]] for the k kept boxes.
 * Step 4 in TensorFlow.js: tf.booleanMaskAsync exists but is asynchronous; instead read the
 * mask with mask.dataSync(), collect the indices i where it is 1, and tf.gather them from the
 * flattened scores and classes and from boxes reshaped to [−1, 4].
 */
export function yoloFilterBoxes(boxConfidence: tf.Tensor4D, boxes: tf.Tensor4D, boxClassProbs: tf.Tensor4D, threshold = 0.6): Detections {
  return notImplemented('yoloFilterBoxes');
}

/**
 * Exercise 4 — non-max suppression (the course's yolo_non_max_suppression).
 * scores [k], boxes [k, 4] ([y1, x1, y2, x2]), classes [k].
 * Greedy, over all the boxes whatever their class:
 *   take the boxes by decreasing score; keep a box unless its IoU with a box already kept
 *   is ≥ iouThreshold; stop when maxBoxes boxes are kept.
 * tf.image.nonMaxSuppression(boxes, scores, maxBoxes, iouThreshold) returns the indices of
 * the kept boxes, best first; tf.gather the scores, boxes and classes with them.
 * Return [scores, boxes, classes] of the kept boxes, best first.
 */
export function nonMaxSuppression(scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D, maxBoxes = 10, iouThreshold = 0.5): Detections {
  return notImplemented('nonMaxSuppression');
}

/**
 * Exercise 5 — the whole post-processing (the course's yolo_eval).
 * yoloOutputs = [boxXy, boxWh, boxConfidence, boxClassProbs]; imageShape = [height, width].
 *   1. corners with yoloBoxesToCorners
 *   2. yoloFilterBoxes with scoreThreshold
 *   3. scaleBoxes(boxes, imageShape) — given in lib/yolo-utils.ts: from fractions of the image to pixels
 *   4. nonMaxSuppression with maxBoxes and iouThreshold
 * Return what nonMaxSuppression returns.
 */
export function yoloEval(
  yoloOutputs: YoloOutputs,
  imageShape: [number, number] = [720, 1280],
  maxBoxes = 10,
  scoreThreshold = 0.6,
  iouThreshold = 0.5,
): Detections {
  void scaleBoxes; // you will need it here
  return notImplemented('yoloEval');
}
