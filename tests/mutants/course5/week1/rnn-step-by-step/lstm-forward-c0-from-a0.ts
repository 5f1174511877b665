import * as tf from '@tensorflow/tfjs';
import { lstmCellForward, type LstmCache, type LstmParameters } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'lstmForward', hint: 'The first cell state is a0: the LSTM starts from c⟨0⟩ = zeros of a0\'s shape; only the hidden state starts from a0.' };

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
  let cNext = a0;
  for (let t = 0; t < Tx; t++) {
    const xt = tf.slice(x, [0, 0, t], [nX, m, 1]).reshape([nX, m]) as tf.Tensor2D;
    const [a, c, yt, cache] = lstmCellForward(xt, aNext, cNext, parameters);
    aNext = a;
    cNext = c;
    as.push(a);
    cs.push(c);
    ys.push(yt);
    caches.push(cache);
  }
  return [tf.stack(as, 2) as tf.Tensor3D, tf.stack(ys, 2) as tf.Tensor3D, tf.stack(cs, 2) as tf.Tensor3D, [caches, x]];
}
