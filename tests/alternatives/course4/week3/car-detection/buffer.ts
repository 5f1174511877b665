/**
 * Correct alternative: iou from the overlap's width and height clamped at 0 first, over area₁ − overlap + area₂;
 * yoloBoxesToCorners written box by box into a tf.buffer (y1, x1, y2, x2 = y − h/2, x − w/2, y + h/2, x + w/2).
 * The other functions are the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import type { Box } from '../../../../../exercises/course4/week3/car-detection';

export { nonMaxSuppression, yoloEval, yoloFilterBoxes } from '../../../../../solutions/course4/week3/car-detection';

export function iou(box1: Box, box2: Box): number {
  const width = Math.max(0, Math.min(box1[2], box2[2]) - Math.max(box1[0], box2[0]));
  const height = Math.max(0, Math.min(box1[3], box2[3]) - Math.max(box1[1], box2[1]));
  const overlap = width * height;
  const area = (b: Box) => (b[2] - b[0]) * (b[3] - b[1]);
  return overlap / (area(box1) - overlap + area(box2));
}

export function yoloBoxesToCorners(boxXy: tf.Tensor4D, boxWh: tf.Tensor4D): tf.Tensor4D {
  const xy = boxXy.bufferSync();
  const wh = boxWh.bufferSync();
  const [a, b, c] = boxXy.shape;
  const out = tf.buffer<tf.Rank.R4>([a, b, c, 4], 'float32');
  for (let i = 0; i < a; i++)
    for (let j = 0; j < b; j++)
      for (let k = 0; k < c; k++) {
        const [x, y, w, h] = [xy.get(i, j, k, 0), xy.get(i, j, k, 1), wh.get(i, j, k, 0), wh.get(i, j, k, 1)];
        out.set(y - h / 2, i, j, k, 0);
        out.set(x - w / 2, i, j, k, 1);
        out.set(y + h / 2, i, j, k, 2);
        out.set(x + w / 2, i, j, k, 3);
      }
  return out.toTensor();
}

export const alternative = { style: 'buffer', fns: ['iou', 'yoloBoxesToCorners'] };
