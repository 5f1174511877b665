import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week4/face-recognition';

export const mutant = {
  fn: 'tripletLoss',
  hint: 'The max(…, 0) is missing: a triplet that is already well separated must contribute 0, not a negative amount.',
};

export function tripletLoss(anchor: tf.Tensor2D, positive: tf.Tensor2D, negative: tf.Tensor2D, alpha = 0.2): tf.Scalar {
  return tf.tidy(() => {
    const posDist = tf.sum(tf.square(tf.sub(anchor, positive)), -1);
    const negDist = tf.sum(tf.square(tf.sub(anchor, negative)), -1);
    return tf.sum(tf.add(tf.sub(posDist, negDist), alpha)) as tf.Scalar;
  });
}
