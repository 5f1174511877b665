import * as tf from '@tensorflow/tfjs';
import { linearActivationBackward, type Gradients, type LayerCache } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = {
  fn: 'lModelBackward',
  hint: 'The relu loop stops before the first layer: it must run down to caches[0], giving dA0, dW1 and db1.',
};

export function lModelBackward(AL: tf.Tensor2D, Y: tf.Tensor2D, caches: LayerCache[]): Gradients {
  const grads: Gradients = {};
  const L = caches.length;
  const dAL = tf.neg(tf.sub(tf.div(Y, AL), tf.div(tf.sub(1, Y), tf.sub(1, AL)))) as tf.Tensor2D;
  [grads[`dA${L - 1}`], grads[`dW${L}`], grads[`db${L}`]] = linearActivationBackward(dAL, caches[L - 1]!, 'sigmoid');
  for (let l = L - 2; l >= 1; l--) {
    [grads[`dA${l}`], grads[`dW${l + 1}`], grads[`db${l + 1}`]] = linearActivationBackward(grads[`dA${l + 1}`]!, caches[l]!, 'relu');
  }
  return grads;
}
