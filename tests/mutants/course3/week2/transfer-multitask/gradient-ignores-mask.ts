import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course3/week2/transfer-multitask';

export const mutant = { fn: 'multiTaskGradient', hint: 'The gradient is not zero where a label is missing: a missing label adds nothing to the loss, so mask the gradient too.' };

export function multiTaskGradient(Yhat: tf.Tensor2D, Y: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const m = Y.shape[1];
    const mask = tf.logicalNot(tf.isNaN(Y));
    const y = tf.where(mask, Y, tf.zerosLike(Y));
    void mask;
    return tf.div(tf.sub(Yhat, y), m) as tf.Tensor2D;
  });
}
