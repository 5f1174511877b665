/**
 * The helpers the course gives with its sequence-model assignments (rnn_utils),
 * ported to TensorFlow.js. Exercises import them as they are.
 */
import * as tf from '@tensorflow/tfjs';

/** Softmax over the first axis (each column is one example's distribution). */
export function softmax(z: tf.Tensor2D): tf.Tensor2D {
  const e = tf.exp(tf.sub(z, tf.max(z, 0, true)));
  return tf.div(e, tf.sum(e, 0, true)) as tf.Tensor2D;
}
