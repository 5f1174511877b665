import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week4/face-recognition';

export const mutant = {
  fn: 'tripletLoss',
  hint: 'The distances are summed over the whole batch (tf.sum without axis −1), so the max(…, 0) is taken once for the batch: compute one distance per row, sum over axis −1.',
};

export function tripletLoss(anchor: tf.Tensor2D, positive: tf.Tensor2D, negative: tf.Tensor2D, alpha = 0.2): tf.Scalar {
  return tf.tidy(() => {
    const posDist = tf.sum(tf.square(tf.sub(anchor, positive)));
    const negDist = tf.sum(tf.square(tf.sub(anchor, negative)));
    return tf.sum(tf.maximum(tf.add(tf.sub(posDist, negDist), alpha), 0)) as tf.Scalar;
  });
}
