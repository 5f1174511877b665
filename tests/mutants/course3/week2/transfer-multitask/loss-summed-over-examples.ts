import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course3/week2/transfer-multitask';

export const mutant = { fn: 'multiTaskLoss', hint: 'The loss is summed over the examples; average it: divide the sum by m, the number of examples (columns).' };

export function multiTaskLoss(Yhat: tf.Tensor2D, Y: tf.Tensor2D): number {
  return tf.tidy(() => {
    const m = Y.shape[1];
    const mask = tf.logicalNot(tf.isNaN(Y));
    const y = tf.where(mask, Y, tf.zerosLike(Y));
    const losses = tf.neg(tf.add(tf.mul(y, tf.log(Yhat)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, Yhat)))));
    void m;
    return tf.sum(tf.where(mask, losses, tf.zerosLike(losses))).dataSync()[0]!;
  });
}
