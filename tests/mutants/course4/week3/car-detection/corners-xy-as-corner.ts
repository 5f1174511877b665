import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'yoloBoxesToCorners',
  hint: '(x, y) is taken as the upper-left corner; in YOLO it is the box\'s centre, so the corners are (x, y) ± (w, h) / 2.',
};

export function yoloBoxesToCorners(boxXy: tf.Tensor4D, boxWh: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const [xMin, yMin] = tf.split(boxXy, 2, -1);
    const [xMax, yMax] = tf.split(tf.add(boxXy, boxWh), 2, -1);
    return tf.concat([yMin!, xMin!, yMax!, xMax!], -1) as tf.Tensor4D;
  });
}
