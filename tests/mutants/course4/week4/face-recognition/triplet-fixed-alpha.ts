import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week4/face-recognition';

export const mutant = {
  fn: 'tripletLoss',
  hint: 'The margin is fixed at 0.2: use the alpha argument (0.2 is only its default).',
};

export function tripletLoss(anchor: tf.Tensor2D, positive: tf.Tensor2D, negative: tf.Tensor2D, alpha = 0.2): tf.Scalar {
  return tf.tidy(() => {
    void alpha;
    const posDist = tf.sum(tf.square(tf.sub(anchor, positive)), -1);
    const negDist = tf.sum(tf.square(tf.sub(anchor, negative)), -1);
    return tf.sum(tf.maximum(tf.add(tf.sub(posDist, negDist), 0.2), 0)) as tf.Scalar;
  });
}
