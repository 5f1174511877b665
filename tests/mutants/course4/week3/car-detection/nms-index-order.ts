import * as tf from '@tensorflow/tfjs';
import type { Detections } from '../../../../../solutions/course4/week3/car-detection';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'nonMaxSuppression',
  hint: 'The kept boxes come back in their input order: return them best first, in the order tf.image.nonMaxSuppression gives the indices (do not sort them).',
};

export function nonMaxSuppression(scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D, maxBoxes = 10, iouThreshold = 0.5): Detections {
  return tf.tidy(() => {
    const kept = Array.from(tf.image.nonMaxSuppression(boxes, scores, maxBoxes, iouThreshold).dataSync()).sort((a, b) => a - b);
    const indices = tf.tensor1d(kept, 'int32');
    return [tf.gather(scores, indices) as tf.Tensor1D, tf.gather(boxes, indices) as tf.Tensor2D, tf.gather(classes, indices) as tf.Tensor1D];
  });
}
