/**
 * Course 1, week 2 — Python and tensor basics (the course's "Python Basics with Numpy", with tf).
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';

/** σ(x) = 1 / (1 + e^(−x)), element-wise, for a tensor of any shape. */
export function sigmoid(x: tf.Tensor): tf.Tensor {
  return tf.div(1, tf.add(1, tf.exp(tf.neg(x))));
}

/** σ'(x) = σ(x)·(1 − σ(x)), element-wise. */
export function sigmoidDerivative(x: tf.Tensor): tf.Tensor {
  const s = sigmoid(x);
  return tf.mul(s, tf.sub(1, s));
}

/** A [length, height, depth] image as a [length·height·depth, 1] column vector. */
export function imageToVector(image: tf.Tensor3D): tf.Tensor2D {
  const [length, height, depth] = image.shape;
  return tf.reshape(image, [length * height * depth, 1]);
}

/** Each row of x divided by its L2 norm (the norms kept as a [n, 1] column so they broadcast over the row). */
export function normalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  const norms = tf.norm(x, 'euclidean', 1, true);
  return tf.div(x, norms);
}

/** Row-wise softmax of a [n, m] matrix: exp(x) divided by its row sums. */
export function softmax(x: tf.Tensor2D): tf.Tensor2D {
  const xExp = tf.exp(x);
  const xSum = tf.sum(xExp, 1, true);
  return tf.div(xExp, xSum);
}

/** L1 loss Σ |y − ŷ|, as a number. */
export function l1Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  return tf.sum(tf.abs(tf.sub(y, yhat))).dataSync()[0]!;
}

/** L2 loss Σ (y − ŷ)², as a number. */
export function l2Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  return tf.sum(tf.square(tf.sub(y, yhat))).dataSync()[0]!;
}
