import * as tf from '@tensorflow/tfjs';
import { rnnCellBackward, type RnnCache, type RnnGradients } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'rnnBackward', hint: 'dWax, dWaa and dba keep only one step: the weights are shared over time, so add up every step\'s gradients.' };

export function rnnBackward(da: tf.Tensor3D, caches: [RnnCache[], tf.Tensor3D]): RnnGradients {
  const [cacheList] = caches;
  const [nA, m, Tx] = da.shape;
  const { Waa, Wax } = cacheList[0]![3];
  let dWax = tf.zerosLike(Wax) as tf.Tensor2D;
  let dWaa = tf.zerosLike(Waa) as tf.Tensor2D;
  let dba = tf.zeros([nA, 1]) as tf.Tensor2D;
  let daPrevt = tf.zeros([nA, m]) as tf.Tensor2D;
  const dxs: tf.Tensor2D[] = new Array(Tx);
  for (let t = Tx - 1; t >= 0; t--) {
    const dat = tf.slice(da, [0, 0, t], [nA, m, 1]).reshape([nA, m]);
    const g = rnnCellBackward(tf.add(dat, daPrevt) as tf.Tensor2D, cacheList[t]!);
    dxs[t] = g.dxt;
    daPrevt = g.daPrev;
    dWax = g.dWax;
    dWaa = g.dWaa;
    dba = g.dba;
  }
  return { dx: tf.stack(dxs, 2) as tf.Tensor3D, da0: daPrevt, dWax, dWaa, dba };
}
