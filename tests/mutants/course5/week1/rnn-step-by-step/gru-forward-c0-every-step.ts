import * as tf from '@tensorflow/tfjs';
import { gruCellForward, type GruCache, type GruParameters } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'gruForward', hint: 'Every step starts from c0: feed each step the memory cell the previous step returned (c0 only at t = 0).' };

export function gruForward(x: tf.Tensor3D, c0: tf.Tensor2D, parameters: GruParameters): [tf.Tensor3D, tf.Tensor3D, [GruCache[], tf.Tensor3D]] {
  const [nX, m, Tx] = x.shape;
  const caches: GruCache[] = [];
  const cs: tf.Tensor2D[] = [];
  const ys: tf.Tensor2D[] = [];
  for (let t = 0; t < Tx; t++) {
    const xt = tf.slice(x, [0, 0, t], [nX, m, 1]).reshape([nX, m]) as tf.Tensor2D;
    const [c, yt, cache] = gruCellForward(xt, c0, parameters);
    cs.push(c);
    ys.push(yt);
    caches.push(cache);
  }
  return [tf.stack(cs, 2) as tf.Tensor3D, tf.stack(ys, 2) as tf.Tensor3D, [caches, x]];
}
