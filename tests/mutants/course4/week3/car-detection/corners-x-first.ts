import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'yoloBoxesToCorners',
  hint: 'The corners are in the order [x1, y1, x2, y2]; YOLO\'s (and tf.image.nonMaxSuppression\'s) order is [y1, x1, y2, x2]: y first.',
};

export function yoloBoxesToCorners(boxXy: tf.Tensor4D, boxWh: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.concat([tf.sub(boxXy, tf.div(boxWh, 2)), tf.add(boxXy, tf.div(boxWh, 2))], -1) as tf.Tensor4D);
}
