/**
 * Correct alternative (reordered): vectorised, with algebraically equivalent
 * formulas — e^x / (1 + e^x), σ(x)·σ(−x), a max-shifted softmax computed on the
 * transpose, norms reshaped instead of keepDims, L2 as a dot product.
 */
import * as tf from '@tensorflow/tfjs';

export function sigmoid(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const ex = tf.exp(x);
    return tf.div(ex, tf.add(ex, 1));
  });
}

export function sigmoidDerivative(x: tf.Tensor): tf.Tensor {
  // 1 − σ(x) = σ(−x)
  return tf.mul(sigmoid(tf.neg(x)), sigmoid(x));
}

export function imageToVector(image: tf.Tensor3D): tf.Tensor2D {
  return tf.expandDims(tf.reshape(image, [-1]), 1) as tf.Tensor2D;
}

export function normalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  const n = x.shape[0];
  const squaredNorms = tf.sum(tf.mul(x, x), 1); // [n]
  const inverse = tf.reshape(tf.div(1, tf.sqrt(squaredNorms)), [n, 1]);
  return tf.mul(inverse, x);
}

export function softmax(x: tf.Tensor2D): tf.Tensor2D {
  // Work on columns of xᵀ, shift by the max for stability, transpose back.
  const xt = tf.transpose(x);
  const shifted = tf.sub(xt, tf.max(xt, 0));
  const e = tf.exp(shifted);
  const colSums = tf.sum(e, 0); // [n], broadcasts along the last axis of [m, n]
  return tf.transpose(tf.div(e, colSums)) as tf.Tensor2D;
}

export function l1Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  const err = tf.abs(tf.sub(yhat, y));
  return err.sum().arraySync() as number;
}

export function l2Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  const d = tf.reshape(tf.sub(yhat, y), [-1]);
  return tf.dot(d, d).arraySync() as number;
}

export const alternative = {
  style: 'reordered',
  fns: ['sigmoid', 'sigmoidDerivative', 'imageToVector', 'normalizeRows', 'softmax', 'l1Loss', 'l2Loss'],
};
