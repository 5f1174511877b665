import * as tf from '@tensorflow/tfjs';
import type { Grads } from '../../../../../solutions/course1/week2/logistic-regression';
export * from '../../../../../solutions/course1/week2/logistic-regression';

export const mutant = { fn: 'propagate', hint: 'db is the sum of A − Y; it is their mean, (1/m)·Σ(A − Y).' };

export function propagate(w: tf.Tensor2D, b: number, X: tf.Tensor2D, Y: tf.Tensor2D): { grads: Grads; cost: number } {
  const m = X.shape[1];
  const A = tf.sigmoid(tf.add(tf.matMul(w, X, true, false), b));
  const cost = -tf.sum(tf.add(tf.mul(Y, tf.log(A)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, A))))).dataSync()[0]! / m;
  const dw = tf.matMul(X, tf.sub(A, Y), false, true).div(m) as tf.Tensor2D;
  const db = tf.sum(tf.sub(A, Y)).dataSync()[0]!;
  return { grads: { dw, db }, cost };
}
