import * as tf from '@tensorflow/tfjs';
import { linearBackward, type Activation, type LayerCache } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = {
  fn: 'linearActivationBackward',
  hint: "The sigmoid derivative is computed as Z·(1 − Z); it is s·(1 − s) with s = σ(Z): the cache holds Z, not σ(Z).",
};

export function linearActivationBackward(dA: tf.Tensor2D, cache: LayerCache, activation: Activation): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const [linearCache, Z] = cache;
  const dZ = activation === 'relu' ? tf.mul(dA, tf.step(Z)) : tf.mul(dA, tf.mul(Z, tf.sub(1, Z)));
  return linearBackward(dZ as tf.Tensor2D, linearCache);
}
