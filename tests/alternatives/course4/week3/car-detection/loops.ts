/** Correct alternative, course style: arraySync()/dataSync() and plain loops, a hand-written greedy NMS with the learner's own iou. */
import * as tf from '@tensorflow/tfjs';
import { scaleBoxes } from '../../../../../lib/yolo-utils';
import type { Box, Detections, YoloOutputs } from '../../../../../exercises/course4/week3/car-detection';

export function iou(box1: Box, box2: Box): number {
  let w = Math.min(box1[2], box2[2]) - Math.max(box1[0], box2[0]);
  let h = Math.min(box1[3], box2[3]) - Math.max(box1[1], box2[1]);
  if (w < 0) w = 0;
  if (h < 0) h = 0;
  const inter = w * h;
  if (inter === 0) return 0;
  const area1 = (box1[2] - box1[0]) * (box1[3] - box1[1]);
  const area2 = (box2[2] - box2[0]) * (box2[3] - box2[1]);
  return inter / (area1 + area2 - inter);
}

export function yoloBoxesToCorners(boxXy: tf.Tensor4D, boxWh: tf.Tensor4D): tf.Tensor4D {
  const xy = boxXy.dataSync();
  const wh = boxWh.dataSync();
  const n = xy.length / 2;
  const out = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const [x, y, w, h] = [xy[2 * i]!, xy[2 * i + 1]!, wh[2 * i]!, wh[2 * i + 1]!];
    out[4 * i] = y - h / 2;
    out[4 * i + 1] = x - w / 2;
    out[4 * i + 2] = y + h / 2;
    out[4 * i + 3] = x + w / 2;
  }
  const [S1, S2, A] = boxXy.shape;
  return tf.tensor4d(out, [S1, S2, A, 4]);
}

export function yoloFilterBoxes(boxConfidence: tf.Tensor4D, boxes: tf.Tensor4D, boxClassProbs: tf.Tensor4D, threshold = 0.6): Detections {
  const conf = boxConfidence.dataSync();
  const probs = boxClassProbs.dataSync();
  const corners = boxes.dataSync();
  const C = boxClassProbs.shape[3];
  const scores: number[] = [];
  const kept: number[][] = [];
  const classes: number[] = [];
  for (let b = 0; b < conf.length; b++) {
    let best = -Infinity;
    let bestClass = 0;
    for (let c = 0; c < C; c++) {
      const score = conf[b]! * probs[b * C + c]!;
      if (score > best) {
        best = score;
        bestClass = c;
      }
    }
    if (best >= threshold) {
      scores.push(best);
      kept.push(Array.from(corners.slice(4 * b, 4 * b + 4)));
      classes.push(bestClass);
    }
  }
  return [tf.tensor1d(scores), tf.tensor2d(kept, [kept.length, 4]), tf.tensor1d(classes, 'int32')];
}

export function nonMaxSuppression(scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D, maxBoxes = 10, iouThreshold = 0.5): Detections {
  const s = Array.from(scores.dataSync());
  const b = boxes.arraySync();
  const c = Array.from(classes.dataSync());
  // Indices by decreasing score (the lower index first on a tie).
  const order = s.map((_, i) => i);
  for (let i = 1; i < order.length; i++) {
    for (let j = i; j > 0 && s[order[j]!]! > s[order[j - 1]!]!; j--) [order[j], order[j - 1]] = [order[j - 1]!, order[j]!];
  }
  const keep: number[] = [];
  for (const i of order) {
    if (keep.length >= maxBoxes) break;
    let suppressed = false;
    for (const k of keep) {
      // boxes are [y1, x1, y2, x2]; iou takes [x1, y1, x2, y2].
      const [y1, x1, y2, x2] = b[i]!;
      const [Y1, X1, Y2, X2] = b[k]!;
      if (iou([x1!, y1!, x2!, y2!], [X1!, Y1!, X2!, Y2!]) >= iouThreshold) {
        suppressed = true;
        break;
      }
    }
    if (!suppressed) keep.push(i);
  }
  return [
    tf.tensor1d(keep.map((i) => s[i]!)),
    tf.tensor2d(keep.map((i) => b[i]!), [keep.length, 4]),
    tf.tensor1d(keep.map((i) => c[i]!), classes.dtype === 'int32' ? 'int32' : 'float32'),
  ];
}

export function yoloEval(yoloOutputs: YoloOutputs, imageShape: [number, number] = [720, 1280], maxBoxes = 10, scoreThreshold = 0.6, iouThreshold = 0.5): Detections {
  const [boxXy, boxWh, boxConfidence, boxClassProbs] = yoloOutputs;
  const corners = yoloBoxesToCorners(boxXy, boxWh);
  const [scores, boxes, classes] = yoloFilterBoxes(boxConfidence, corners, boxClassProbs, scoreThreshold);
  const pixels = scaleBoxes(boxes, imageShape);
  const out = nonMaxSuppression(scores, pixels, classes, maxBoxes, iouThreshold);
  for (const t of [corners, scores, boxes, classes, pixels]) t.dispose();
  return out;
}

export const alternative = { style: 'loops', fns: ['iou', 'yoloBoxesToCorners', 'yoloFilterBoxes', 'nonMaxSuppression', 'yoloEval'] };
