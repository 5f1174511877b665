import * as tf from '@tensorflow/tfjs';
import type { Box, Detections } from '../../../../../solutions/course4/week3/car-detection';
import { iou } from '../../../../../solutions/course4/week3/car-detection';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'nonMaxSuppression',
  hint: 'The boxes are visited in their input order: greedy NMS takes them by decreasing score, so that the best box of each object is the one kept.',
};

export function nonMaxSuppression(scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D, maxBoxes = 10, iouThreshold = 0.5): Detections {
  return tf.tidy(() => {
    const b = boxes.arraySync() as Box[];
    const kept: number[] = [];
    for (let i = 0; i < b.length && kept.length < maxBoxes; i++) {
      if (kept.every((k) => iou(b[i]!, b[k]!) < iouThreshold)) kept.push(i);
    }
    const indices = tf.tensor1d(kept, 'int32');
    return [tf.gather(scores, indices) as tf.Tensor1D, tf.gather(boxes, indices) as tf.Tensor2D, tf.gather(classes, indices) as tf.Tensor1D];
  });
}
