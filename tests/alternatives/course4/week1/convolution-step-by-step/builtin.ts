/** Correct alternative: TensorFlow.js built-ins — tf.conv2d, tf.maxPool/tf.avgPool, tf.grads for the backward passes, tf.oneHot for the mask. */
import * as tf from '@tensorflow/tfjs';
import type { ConvCache, ConvHparameters, PoolCache, PoolHparameters, PoolMode } from '../../../../../exercises/course4/week1/convolution-step-by-step';

export function zeroPad(X: tf.Tensor4D, pad: number): tf.Tensor4D {
  return tf.pad(X, [[0, 0], [pad, pad], [pad, pad], [0, 0]], 0);
}

export function convSingleStep(aSlicePrev: tf.Tensor3D, W: tf.Tensor3D, b: tf.Tensor3D): number {
  return tf.tidy(() => {
    // One window, one filter: a VALID convolution of an f×f image with an f×f filter is a single number.
    const [f, , nCPrev] = W.shape;
    const z = tf.conv2d(aSlicePrev.reshape([1, f, f, nCPrev]) as tf.Tensor4D, W.reshape([f, f, nCPrev, 1]) as tf.Tensor4D, 1, 'valid');
    return z.add(b.reshape([1])).dataSync()[0]!;
  });
}

function conv(APrev: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor4D, { stride, pad }: ConvHparameters): tf.Tensor4D {
  return tf.add(tf.conv2d(zeroPad(APrev, pad), W, stride, 'valid'), b);
}

export function convForward(APrev: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor4D, hparameters: ConvHparameters): [tf.Tensor4D, ConvCache] {
  return [tf.tidy(() => conv(APrev, W, b, hparameters)), [APrev, W, b, hparameters]];
}

function pool(APrev: tf.Tensor4D, { f, stride }: PoolHparameters, mode: PoolMode): tf.Tensor4D {
  return mode === 'max' ? tf.maxPool(APrev, f, stride, 'valid') : tf.avgPool(APrev, f, stride, 'valid');
}

export function poolForward(APrev: tf.Tensor4D, hparameters: PoolHparameters, mode: PoolMode = 'max'): [tf.Tensor4D, PoolCache] {
  return [tf.tidy(() => pool(APrev, hparameters, mode)), [APrev, hparameters]];
}

export function convBackward(dZ: tf.Tensor4D, cache: ConvCache): [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D] {
  const [APrev, W, b, hparameters] = cache;
  return tf.tidy(() => {
    // Z·dZ summed is the cost whose gradients convBackward returns.
    const cost = (a: tf.Tensor, w: tf.Tensor, bias: tf.Tensor) => tf.sum(tf.mul(conv(a as tf.Tensor4D, w as tf.Tensor4D, bias as tf.Tensor4D, hparameters), dZ));
    const [dA, dW, db] = tf.grads(cost)([APrev, W, b]);
    return [dA as tf.Tensor4D, dW as tf.Tensor4D, db as tf.Tensor4D];
  });
}

export function createMaskFromWindow(x: tf.Tensor2D): tf.Tensor2D {
  // tf.oneHot needs a depth of at least 2: a 1×1 window is its own maximum.
  if (x.size === 1) return tf.onesLike(x);
  return tf.tidy(() => tf.oneHot(tf.argMax(x.reshape([-1])), x.size).reshape(x.shape).toFloat() as tf.Tensor2D);
}

export function distributeValue(dz: number, shape: [number, number]): tf.Tensor2D {
  return tf.tidy(() => tf.div(tf.fill(shape, dz), shape[0] * shape[1]) as tf.Tensor2D);
}

export function poolBackward(dA: tf.Tensor4D, cache: PoolCache, mode: PoolMode = 'max'): tf.Tensor4D {
  const [APrev, hparameters] = cache;
  return tf.tidy(() => tf.grad((a: tf.Tensor) => tf.sum(tf.mul(pool(a as tf.Tensor4D, hparameters, mode), dA)))(APrev) as tf.Tensor4D);
}

export const alternative = {
  style: 'builtin',
  fns: ['zeroPad', 'convSingleStep', 'convForward', 'poolForward', 'convBackward', 'createMaskFromWindow', 'distributeValue', 'poolBackward'],
};
