import * as tf from '@tensorflow/tfjs';
import type { Detections } from '../../../../../solutions/course4/week3/car-detection';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'nonMaxSuppression',
  hint: 'Suppression runs class by class, so overlapping boxes of different classes both survive: the course runs one NMS over all the boxes, whatever their class.',
};

export function nonMaxSuppression(scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D, maxBoxes = 10, iouThreshold = 0.5): Detections {
  return tf.tidy(() => {
    const cls = Array.from(classes.dataSync());
    const s = scores.dataSync();
    const kept: number[] = [];
    for (const c of new Set(cls)) {
      const members = cls.map((v, i) => (v === c ? i : -1)).filter((i) => i >= 0);
      const idx = tf.tensor1d(members, 'int32');
      const local = tf.image.nonMaxSuppression(tf.gather(boxes, idx) as tf.Tensor2D, tf.gather(scores, idx) as tf.Tensor1D, maxBoxes, iouThreshold).dataSync();
      local.forEach((j) => kept.push(members[j]!));
    }
    kept.sort((i, j) => s[j]! - s[i]!);
    const indices = tf.tensor1d(kept.slice(0, maxBoxes), 'int32');
    return [tf.gather(scores, indices) as tf.Tensor1D, tf.gather(boxes, indices) as tf.Tensor2D, tf.gather(classes, indices) as tf.Tensor1D];
  });
}
