import * as tf from '@tensorflow/tfjs';
import { rnnCellForward, type RnnCache, type RnnParameters } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'rnnForward', hint: 'Every step starts from a0: feed each step the hidden state the previous step returned (a0 only at t = 0).' };

export function rnnForward(x: tf.Tensor3D, a0: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor3D, tf.Tensor3D, [RnnCache[], tf.Tensor3D]] {
  const [nX, m, Tx] = x.shape;
  const caches: RnnCache[] = [];
  const as: tf.Tensor2D[] = [];
  const ys: tf.Tensor2D[] = [];
  for (let t = 0; t < Tx; t++) {
    const xt = tf.slice(x, [0, 0, t], [nX, m, 1]).reshape([nX, m]) as tf.Tensor2D;
    const [a, yt, cache] = rnnCellForward(xt, a0, parameters);
    as.push(a);
    ys.push(yt);
    caches.push(cache);
  }
  return [tf.stack(as, 2) as tf.Tensor3D, tf.stack(ys, 2) as tf.Tensor3D, [caches, x]];
}
