/**
 * Correct alternative (half-angle): σ(x) = (1 + tanh(x/2)) / 2 and its derivative (1 − tanh²(x/2)) / 4, the image
 * copied pixel by pixel through a tf.buffer, rows scaled by tf.rsqrt of their sums of squares, softmax as
 * exp(x − logSumExp over the row), L1 and L2 from tf.norm.
 */
import * as tf from '@tensorflow/tfjs';

export function sigmoid(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(0.5, tf.add(1, tf.tanh(tf.mul(0.5, x)))));
}

export function sigmoidDerivative(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(0.25, tf.sub(1, tf.square(tf.tanh(tf.mul(0.5, x))))));
}

export function imageToVector(image: tf.Tensor3D): tf.Tensor2D {
  const [length, height, depth] = image.shape;
  const pixels = image.arraySync();
  const column = tf.buffer<tf.Rank.R2>([length * height * depth, 1]);
  let row = 0;
  for (let i = 0; i < length; i++) {
    for (let j = 0; j < height; j++) {
      for (let k = 0; k < depth; k++) column.set(pixels[i]![j]![k]!, row++, 0);
    }
  }
  return column.toTensor();
}

export function normalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.mul(x, tf.rsqrt(tf.sum(tf.square(x), 1, true))));
}

export function softmax(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.exp(tf.sub(x, tf.logSumExp(x, 1, true))) as tf.Tensor2D);
}

export function l1Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  return tf.tidy(() => tf.norm(tf.reshape(tf.sub(yhat, y), [-1]), 1)).dataSync()[0]!;
}

export function l2Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  const n = tf.tidy(() => tf.norm(tf.sub(yhat, y))).dataSync()[0]!;
  return n * n;
}

export const alternative = {
  style: 'half-angle',
  fns: ['sigmoid', 'sigmoidDerivative', 'imageToVector', 'normalizeRows', 'softmax', 'l1Loss', 'l2Loss'],
};
