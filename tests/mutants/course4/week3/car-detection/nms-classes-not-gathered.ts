import * as tf from '@tensorflow/tfjs';
import type { Detections } from '../../../../../solutions/course4/week3/car-detection';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'nonMaxSuppression',
  hint: 'The classes are the first k input classes, not those of the kept boxes: tf.gather the classes with the same indices as the scores and boxes.',
};

export function nonMaxSuppression(scores: tf.Tensor1D, boxes: tf.Tensor2D, classes: tf.Tensor1D, maxBoxes = 10, iouThreshold = 0.5): Detections {
  return tf.tidy(() => {
    const indices = tf.image.nonMaxSuppression(boxes, scores, maxBoxes, iouThreshold);
    return [tf.gather(scores, indices) as tf.Tensor1D, tf.gather(boxes, indices) as tf.Tensor2D, tf.slice(classes, 0, indices.shape[0]) as tf.Tensor1D];
  });
}
