import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course3/week2/transfer-multitask';

export const mutant = { fn: 'multiTaskLoss', hint: 'The loss has only the y·log(ŷ) term; the cross-entropy also needs (1 − y)·log(1 − ŷ) for the examples whose label is 0.' };

export function multiTaskLoss(Yhat: tf.Tensor2D, Y: tf.Tensor2D): number {
  return tf.tidy(() => {
    const m = Y.shape[1];
    const mask = tf.logicalNot(tf.isNaN(Y));
    const y = tf.where(mask, Y, tf.zerosLike(Y));
    const losses = tf.neg(tf.mul(y, tf.log(Yhat)));
    return tf.sum(tf.where(mask, losses, tf.zerosLike(losses))).dataSync()[0]! / m;
  });
}
