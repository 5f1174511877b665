import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course3/week2/transfer-multitask';

export const mutant = { fn: 'multiTaskLoss', hint: 'Missing labels (NaN) are counted as label 0; leave them out of the sum: mask the losses where Y is NaN (tf.isNaN).' };

export function multiTaskLoss(Yhat: tf.Tensor2D, Y: tf.Tensor2D): number {
  return tf.tidy(() => {
    const m = Y.shape[1];
    const mask = tf.logicalNot(tf.isNaN(Y));
    const y = tf.where(mask, Y, tf.zerosLike(Y));
    const losses = tf.neg(tf.add(tf.mul(y, tf.log(Yhat)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, Yhat)))));
    void mask;
    return tf.sum(losses).dataSync()[0]! / m;
  });
}
