import * as tf from '@tensorflow/tfjs';
import { rnnCellForward, type RnnCache, type RnnParameters } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'rnnForward', hint: 'The loop stops one step early (Tx − 1 steps): the last step\'s a and ŷ stay zero. Loop over every t from 0 to Tx − 1 inclusive.' };

export function rnnForward(x: tf.Tensor3D, a0: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor3D, tf.Tensor3D, [RnnCache[], tf.Tensor3D]] {
  const [, m, Tx] = x.shape;
  const nA = a0.shape[0];
  const nY = parameters.by.shape[0];
  const caches: RnnCache[] = [];
  const as: tf.Tensor2D[] = [];
  const ys: tf.Tensor2D[] = [];
  let aNext = a0;
  for (let t = 0; t < Tx - 1; t++) {
    const xt = tf.slice(x, [0, 0, t], [-1, -1, 1]).reshape([x.shape[0], m]) as tf.Tensor2D;
    const [a, yt, cache] = rnnCellForward(xt, aNext, parameters);
    aNext = a;
    as.push(a);
    ys.push(yt);
    caches.push(cache);
  }
  as.push(tf.zeros([nA, m]));
  ys.push(tf.zeros([nY, m]));
  return [tf.stack(as, 2) as tf.Tensor3D, tf.stack(ys, 2) as tf.Tensor3D, [caches, x]];
}
