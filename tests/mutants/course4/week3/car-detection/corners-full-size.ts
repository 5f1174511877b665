import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'yoloBoxesToCorners',
  hint: 'The corners are the centre ± the full width and height: they are the centre ± half of them (wh / 2).',
};

export function yoloBoxesToCorners(boxXy: tf.Tensor4D, boxWh: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => {
    const [xMin, yMin] = tf.split(tf.sub(boxXy, boxWh), 2, -1);
    const [xMax, yMax] = tf.split(tf.add(boxXy, boxWh), 2, -1);
    return tf.concat([yMin!, xMin!, yMax!, xMax!], -1) as tf.Tensor4D;
  });
}
