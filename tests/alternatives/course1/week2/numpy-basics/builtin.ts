/**
 * Correct alternative (builtin): TensorFlow.js's own tf.sigmoid, tf.softmax,
 * tf.flatten-style reshape, tf.rsqrt and tf.losses with a SUM reduction.
 */
import * as tf from '@tensorflow/tfjs';

export function sigmoid(x: tf.Tensor): tf.Tensor {
  return tf.sigmoid(x);
}

export function sigmoidDerivative(x: tf.Tensor): tf.Tensor {
  const s = sigmoid(x);
  return s.sub(s.square());
}

export function imageToVector(image: tf.Tensor3D): tf.Tensor2D {
  return image.flatten().as2D(image.size, 1);
}

export function normalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(x, tf.rsqrt(tf.sum(tf.square(x), -1, true)));
}

export function softmax(x: tf.Tensor2D): tf.Tensor2D {
  return tf.softmax(x, -1);
}

export function l1Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  return tf.losses.absoluteDifference(y, yhat, undefined, tf.Reduction.SUM).dataSync()[0]!;
}

export function l2Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  return tf.losses.meanSquaredError(y, yhat, undefined, tf.Reduction.SUM).dataSync()[0]!;
}

export const alternative = {
  style: 'builtin',
  fns: ['sigmoid', 'sigmoidDerivative', 'imageToVector', 'normalizeRows', 'softmax', 'l1Loss', 'l2Loss'],
};
