import * as tf from '@tensorflow/tfjs';
import { linearActivationBackward, type Gradients, type LayerCache } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = { fn: 'lModelBackward', hint: 'dAL has the wrong sign: dAL = −(Y/AL − (1 − Y)/(1 − AL)).' };

export function lModelBackward(AL: tf.Tensor2D, Y: tf.Tensor2D, caches: LayerCache[]): Gradients {
  const grads: Gradients = {};
  const L = caches.length;
  const dAL = tf.sub(tf.div(Y, AL), tf.div(tf.sub(1, Y), tf.sub(1, AL))) as tf.Tensor2D;
  [grads[`dA${L - 1}`], grads[`dW${L}`], grads[`db${L}`]] = linearActivationBackward(dAL, caches[L - 1]!, 'sigmoid');
  for (let l = L - 2; l >= 0; l--) {
    [grads[`dA${l}`], grads[`dW${l + 1}`], grads[`db${l + 1}`]] = linearActivationBackward(grads[`dA${l + 1}`]!, caches[l]!, 'relu');
  }
  return grads;
}
