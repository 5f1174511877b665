import * as tf from '@tensorflow/tfjs';
import { lstmCellBackward, type LstmCache, type LstmGradients } from '../../../../../solutions/course5/week1/rnn-step-by-step';
export * from '../../../../../solutions/course5/week1/rnn-step-by-step';

export const mutant = { fn: 'lstmBackward', hint: 'dcNext is zeros at every step: pass each step\'s dcPrev back to step t − 1 as its dcNext, as you do with daPrev.' };

export function lstmBackward(da: tf.Tensor3D, caches: [LstmCache[], tf.Tensor3D]): LstmGradients {
  const [cacheList] = caches;
  const [nA, m, Tx] = da.shape;
  const p = cacheList[0]![9];
  const keys = ['Wf', 'Wi', 'Wc', 'Wo', 'bf', 'bi', 'bc', 'bo'] as const;
  const sums = Object.fromEntries(keys.map((k) => [`d${k}`, tf.zerosLike(p[k]) as tf.Tensor2D])) as Record<`d${(typeof keys)[number]}`, tf.Tensor2D>;
  let daPrevt = tf.zeros([nA, m]) as tf.Tensor2D;
  const dxs: tf.Tensor2D[] = new Array(Tx);
  for (let t = Tx - 1; t >= 0; t--) {
    const dat = tf.slice(da, [0, 0, t], [nA, m, 1]).reshape([nA, m]);
    const g = lstmCellBackward(tf.add(dat, daPrevt) as tf.Tensor2D, tf.zeros([nA, m]) as tf.Tensor2D, cacheList[t]!);
    dxs[t] = g.dxt;
    daPrevt = g.daPrev;
    for (const k of keys) sums[`d${k}`] = tf.add(sums[`d${k}`], g[`d${k}`]) as tf.Tensor2D;
  }
  return { dx: tf.stack(dxs, 2) as tf.Tensor3D, da0: daPrevt, ...sums };
}
