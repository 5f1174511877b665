/**
 * Course 4, week 1 — Convolutional model: step by step.
 *
 * Build the two layers of a convolutional network — CONV and POOL — forward and
 * backward, with explicit loops, so you see every window a convolution visits.
 * Read convolution-step-by-step.md first. Grade your work with: npm run grade -- course4/week1/convolution-step-by-step
 *
 * Conventions, as in the course: images are [m, nH, nW, nC] (examples first,
 * channels last); filters W are [f, f, nCPrev, nC] (one [f, f, nCPrev] filter
 * per output channel); biases b are [1, 1, 1, nC].
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 *
 * TensorFlow.js tips: tf.slice(x, begin, size) cuts a window out of a tensor
 * (x[i, a:a+f, b:b+f, :] is tf.slice(x, [i, a, b, 0], [1, f, f, nC])); .reshape
 * drops the leading 1; t.dataSync() reads a tensor's values into a flat array.
 * Tensors are immutable: to build a result value by value, fill a Float32Array
 * (or a tf.buffer(shape): buf.get(i, j, …), buf.set(value, i, j, …)) and turn it
 * into a tensor at the end (tf.tensor4d(values, shape), buf.toTensor()).
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';

/** A convolution's hyperparameters: the step between windows and the zero border added to H and W. */
export type ConvHparameters = { stride: number; pad: number };
/** A pooling layer's hyperparameters: the window size f and the step between windows. */
export type PoolHparameters = { f: number; stride: number };
export type PoolMode = 'max' | 'average';
/** What convForward keeps for convBackward: [A_prev, W, b, hparameters]. */
export type ConvCache = [APrev: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor4D, hparameters: ConvHparameters];
/** What poolForward keeps for poolBackward: [A_prev, hparameters]. */
export type PoolCache = [APrev: tf.Tensor4D, hparameters: PoolHparameters];

/**
 * Exercise 1 — zero padding. Add `pad` zeros on each side of the height and the
 * width of every image, and nowhere else: X [m, nH, nW, nC] becomes
 * [m, nH + 2·pad, nW + 2·pad, nC], with X in the middle.
 * tf.pad(x, [[before, after] for each of the 4 axes]) does it: pad only axes 1 and 2.
 */
export function zeroPad(X: tf.Tensor4D, pad: number): tf.Tensor4D {
  return notImplemented('zeroPad');
}

/**
 * Exercise 2 — one step of a convolution: one filter on one window.
 *   Z = Σ (aSlicePrev ⊙ W) + b
 * aSlicePrev and W are [f, f, nCPrev] (⊙ is element-wise), b is [1, 1, 1]: add
 * the bias once, after the sum. Return a number (tf.sum(…).dataSync()[0]).
 */
export function convSingleStep(aSlicePrev: tf.Tensor3D, W: tf.Tensor3D, b: tf.Tensor3D): number {
  return notImplemented('convSingleStep');
}

/**
 * Exercise 3 — the forward pass of a convolution layer.
 *   nH = ⌊(nHPrev + 2·pad − f) / stride⌋ + 1      nW = ⌊(nWPrev + 2·pad − f) / stride⌋ + 1
 * Pad APrev with zeroPad, then for every example i, output row h, output column w
 * and output channel c:
 *   vertStart = h·stride, horizStart = w·stride (the window's top-left corner in the padded image)
 *   aSlicePrev = APrevPad[i, vertStart : vertStart + f, horizStart : horizStart + f, :]
 *   Z[i, h, w, c] = convSingleStep(aSlicePrev, W[:, :, :, c], b[:, :, :, c])
 * Return [Z, cache] with Z [m, nH, nW, nC] and cache = [APrev, W, b, hparameters].
 */
export function convForward(APrev: tf.Tensor4D, W: tf.Tensor4D, b: tf.Tensor4D, hparameters: ConvHparameters): [tf.Tensor4D, ConvCache] {
  return notImplemented('convForward');
}

/**
 * Exercise 4 — the forward pass of a pooling layer (no padding, no parameters).
 *   nH = ⌊(nHPrev − f) / stride⌋ + 1      nW = ⌊(nWPrev − f) / stride⌋ + 1
 * For every i, h, w and channel c, the window is APrev[i, vertStart : vertStart + f,
 * horizStart : horizStart + f, c] (vertStart = h·stride, horizStart = w·stride) and
 *   A[i, h, w, c] = the largest value of the window ('max') or the mean of its f·f values ('average').
 * Each channel is pooled on its own: A has as many channels as APrev.
 * Return [A, cache] with cache = [APrev, hparameters].
 */
export function poolForward(APrev: tf.Tensor4D, hparameters: PoolHparameters, mode: PoolMode = 'max'): [tf.Tensor4D, PoolCache] {
  return notImplemented('poolForward');
}

/**
 * Exercise 5 — the backward pass of a convolution layer. dZ is the gradient of
 * the cost with respect to Z, the cache is [APrev, W, b, hparameters].
 * Start from zeros — dAPrevPad shaped like the padded APrev, dW like W, db like b —
 * and for every i, h, w, c, with the same windows as the forward pass:
 *   dAPrevPad[i, window, :] += W[:, :, :, c] · dZ[i, h, w, c]
 *   dW[:, :, :, c]          += aSlicePrev   · dZ[i, h, w, c]     (the padded input's window)
 *   db[:, :, :, c]          += dZ[i, h, w, c]
 * Then cut the padding off: dAPrev = dAPrevPad[:, pad : pad + nHPrev, pad : pad + nWPrev, :].
 * Return [dAPrev, dW, db], shaped like APrev, W and b.
 */
export function convBackward(dZ: tf.Tensor4D, cache: ConvCache): [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D] {
  return notImplemented('convBackward');
}

/**
 * Exercise 6 — where the maximum of a window is. Return a tensor shaped like x
 * holding 1 at the maximum of x and 0 everywhere else. When the maximum appears
 * more than once, mark only the first one (in row-major order — what tf.argMax
 * of the flattened x returns): the max passes the gradient on to one input.
 * tf.equal(tf.range(0, x.size, 1, 'int32'), index) is 1 at index only; .reshape(x.shape)
 * puts it back in shape. bool, int or float 0/1 are all fine. (Windows can be 1 × 1.)
 */
export function createMaskFromWindow(x: tf.Tensor2D): tf.Tensor2D {
  return notImplemented('createMaskFromWindow');
}

/**
 * Exercise 7 — spread a gradient over an average. The output of average pooling
 * is the mean of nH·nW inputs, so each input gets an equal share of its gradient dz:
 * return a tensor of shape [nH, nW] holding dz / (nH · nW) everywhere (tf.fill).
 */
export function distributeValue(dz: number, shape: [number, number]): tf.Tensor2D {
  return notImplemented('distributeValue');
}

/**
 * Exercise 8 — the backward pass of a pooling layer. The cache is [APrev, hparameters].
 * Start from dAPrev = zeros like APrev and, for every i, h, w, c, with the forward windows:
 *   'max':     dAPrev[i, window, c] += createMaskFromWindow(APrev[i, window, c]) · dA[i, h, w, c]
 *   'average': dAPrev[i, window, c] += distributeValue(dA[i, h, w, c], [f, f])
 * Add (+=), do not assign: when stride < f the windows overlap, and an input in two
 * windows gets a share of both gradients. Return dAPrev.
 */
export function poolBackward(dA: tf.Tensor4D, cache: PoolCache, mode: PoolMode = 'max'): tf.Tensor4D {
  return notImplemented('poolBackward');
}
