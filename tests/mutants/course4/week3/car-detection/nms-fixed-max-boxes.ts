import * as tf from '@tensorflow/tfjs';
import type { Detections } from '../../../../../solutions/course4/week3/car-detection';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'nonMaxSuppression',
  hint: 'maxBoxes is fixed at 10: pass the maxBoxes argument to tf.image.nonMaxSuppression (10 is only its default).',
};

export function nonMaxSuppression(scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D, maxBoxes = 10, iouThreshold = 0.5): Detections {
  void maxBoxes;
  return tf.tidy(() => {
    const indices = tf.image.nonMaxSuppression(boxes, scores, 10, iouThreshold);
    return [tf.gather(scores, indices) as tf.Tensor1D, tf.gather(boxes, indices) as tf.Tensor2D, tf.gather(classes, indices) as tf.Tensor1D];
  });
}
