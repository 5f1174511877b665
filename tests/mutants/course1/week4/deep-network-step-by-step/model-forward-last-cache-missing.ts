import * as tf from '@tensorflow/tfjs';
import { linearActivationForward, type LayerCache, type Parameters } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = { fn: 'lModelForward', hint: "The sigmoid layer's cache is not appended: caches needs one cache per layer, L in all." };

export function lModelForward(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, LayerCache[]] {
  const caches: LayerCache[] = [];
  const L = Object.keys(parameters).length / 2;
  let A = X;
  for (let l = 1; l < L; l++) {
    const [next, cache] = linearActivationForward(A, parameters[`W${l}`]!, parameters[`b${l}`]!, 'relu');
    caches.push(cache);
    A = next;
  }
  const [AL] = linearActivationForward(A, parameters[`W${L}`]!, parameters[`b${L}`]!, 'sigmoid');
  return [AL, caches];
}
