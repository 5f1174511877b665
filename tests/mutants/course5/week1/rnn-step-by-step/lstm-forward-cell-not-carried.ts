import * as tf from '@tensorflow/tfjs';
import { lstmCellForward, type LstmCache, type LstmParameters } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'lstmForward', hint: 'The cell state restarts from zeros at every step: pass each step\'s cNext on as the next step\'s cPrev (only c⟨0⟩ is zeros).' };

export function lstmForward(
  x: tf.Tensor3D,
  a0: tf.Tensor2D,
  parameters: LstmParameters,
): [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, [LstmCache[], tf.Tensor3D]] {
  const [nX, m, Tx] = x.shape;
  const caches: LstmCache[] = [];
  const as: tf.Tensor2D[] = [];
  const cs: tf.Tensor2D[] = [];
  const ys: tf.Tensor2D[] = [];
  let aNext = a0;
  for (let t = 0; t < Tx; t++) {
    const xt = tf.slice(x, [0, 0, t], [nX, m, 1]).reshape([nX, m]) as tf.Tensor2D;
    const [a, c, yt, cache] = lstmCellForward(xt, aNext, tf.zerosLike(a0) as tf.Tensor2D, parameters);
    aNext = a;
    as.push(a);
    cs.push(c);
    ys.push(yt);
    caches.push(cache);
  }
  return [tf.stack(as, 2) as tf.Tensor3D, tf.stack(ys, 2) as tf.Tensor3D, tf.stack(cs, 2) as tf.Tensor3D, [caches, x]];
}
