import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course3/week2/transfer-multitask';

export const mutant = { fn: 'multiTaskGradient', hint: 'The gradient is missing the 1/m: the loss averages over the m examples, so does its gradient.' };

export function multiTaskGradient(Yhat: tf.Tensor2D, Y: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const m = Y.shape[1];
    const mask = tf.logicalNot(tf.isNaN(Y));
    const y = tf.where(mask, Y, tf.zerosLike(Y));
    void m;
    return tf.where(mask, tf.sub(Yhat, y), tf.zerosLike(Yhat)) as tf.Tensor2D;
  });
}
