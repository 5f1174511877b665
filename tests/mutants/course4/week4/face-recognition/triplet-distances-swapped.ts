import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week4/face-recognition';

export const mutant = {
  fn: 'tripletLoss',
  hint: 'The distances are swapped: the loss is ‖a − p‖² − ‖a − n‖² + α (positive minus negative), so that it pushes the negative away.',
};

export function tripletLoss(anchor: tf.Tensor2D, positive: tf.Tensor2D, negative: tf.Tensor2D, alpha = 0.2): tf.Scalar {
  return tf.tidy(() => {
    const posDist = tf.sum(tf.square(tf.sub(anchor, positive)), -1);
    const negDist = tf.sum(tf.square(tf.sub(anchor, negative)), -1);
    return tf.sum(tf.maximum(tf.add(tf.sub(negDist, posDist), alpha), 0)) as tf.Scalar;
  });
}
