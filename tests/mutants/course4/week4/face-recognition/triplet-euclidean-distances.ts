import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week4/face-recognition';

export const mutant = {
  fn: 'tripletLoss',
  hint: 'The distances are not squared: the triplet loss compares ‖a − p‖² with ‖a − n‖² (sum of squares, no square root).',
};

export function tripletLoss(anchor: tf.Tensor2D, positive: tf.Tensor2D, negative: tf.Tensor2D, alpha = 0.2): tf.Scalar {
  return tf.tidy(() => {
    const posDist = tf.sqrt(tf.sum(tf.square(tf.sub(anchor, positive)), -1));
    const negDist = tf.sqrt(tf.sum(tf.square(tf.sub(anchor, negative)), -1));
    return tf.sum(tf.maximum(tf.add(tf.sub(posDist, negDist), alpha), 0)) as tf.Scalar;
  });
}
