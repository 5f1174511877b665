/**
 * Course 1, week 2 — Python and tensor basics.
 *
 * The course's "Python Basics with Numpy", with TensorFlow.js in place of numpy:
 * element-wise functions, reshaping, broadcasting and reductions, the building
 * blocks of every later assignment. Read numpy-basics.md first.
 * Grade your work with: npm run grade week2
 *
 * Work with whole tensors (tf.exp, tf.sum, tf.div…): no loops over elements.
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';

/**
 * Exercise 1 — the sigmoid function, element-wise, for a tensor x of any shape:
 *   σ(x) = 1 / (1 + e^(−x))
 * Useful: tf.neg, tf.exp, tf.add, tf.div (a plain number broadcasts: tf.add(1, t)).
 * Write it from these operations rather than calling tf.sigmoid: that is the point.
 * Example: sigmoid(tf.tensor([1, 2, 3])) → [0.73105858, 0.88079708, 0.95257413].
 */
export function sigmoid(x: tf.Tensor): tf.Tensor {
  return notImplemented('sigmoid');
}

/**
 * Exercise 2 — the gradient of the sigmoid, element-wise:
 *   σ'(x) = σ(x)·(1 − σ(x))
 * Compute s = sigmoid(x) once (your function from exercise 1), then combine.
 * Example: sigmoidDerivative(tf.tensor([1, 2, 3])) → [0.19661193, 0.10499359, 0.04517666].
 */
export function sigmoidDerivative(x: tf.Tensor): tf.Tensor {
  return notImplemented('sigmoidDerivative');
}

/**
 * Exercise 3 — unroll an image into a column vector.
 * image is [length, height, depth]; return a [length·height·depth, 1] tensor
 * holding the same values in the same order. image.shape gives the three sizes;
 * tf.reshape (or image.reshape) does the rest.
 */
export function imageToVector(image: tf.Tensor3D): tf.Tensor2D {
  return notImplemented('imageToVector');
}

/**
 * Exercise 4 — normalise each row of x to unit length: divide row i by its L2 norm
 *   ‖x_i‖ = sqrt(Σ_j x_ij²)
 * tf.norm(x, 'euclidean', axis, keepDims) computes the norms. Keep them as a
 * [n, 1] column (keepDims: true) so the division broadcasts across each row.
 * Example: [[0, 3, 4], [1, 6, 4]] → [[0, 0.6, 0.8], [0.13736056, 0.82416338, 0.54944226]].
 */
export function normalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  return notImplemented('normalizeRows');
}

/**
 * Exercise 5 — softmax of each row of a [n, m] matrix:
 *   softmax(x)_ij = e^(x_ij) / Σ_k e^(x_ik)
 * Take tf.exp(x), sum it over axis 1 keeping the dimension ([n, 1]), and divide:
 * every row of the result sums to 1.
 */
export function softmax(x: tf.Tensor2D): tf.Tensor2D {
  return notImplemented('softmax');
}

/**
 * Exercise 6 — the L1 loss of predictions yhat against labels y (1-D, same length), as a number:
 *   L1 = Σ_i |y_i − ŷ_i|
 * tf.sum(...) gives a scalar tensor; .dataSync()[0] turns it into a number.
 * Example: yhat = [0.9, 0.2, 0.1, 0.4, 0.9], y = [1, 0, 0, 1, 1] → 1.1.
 */
export function l1Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  return notImplemented('l1Loss');
}

/**
 * Exercise 7 — the L2 loss, as a number:
 *   L2 = Σ_i (y_i − ŷ_i)²
 * Example: the vectors of exercise 6 → 0.43.
 */
export function l2Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  return notImplemented('l2Loss');
}
