import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course2/week3/tensorflow-intro';

export const mutant = { fn: 'computeCost', hint: 'tf.log(softmax(Z)) is −∞ where softmax underflows to 0 (large logits): use tf.losses.softmaxCrossEntropy or tf.logSoftmax.' };

export function computeCost(logits: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar {
  const m = logits.shape[1];
  const e = tf.exp(tf.sub(logits, tf.max(logits, 0, true)));
  const A = tf.div(e, tf.sum(e, 0, true));
  return tf.neg(tf.sum(tf.mul(labels, tf.log(A)))).div(m) as tf.Scalar;
}
