import * as tf from '@tensorflow/tfjs';
import { linearBackward, type Activation, type LayerCache } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = {
  fn: 'linearActivationBackward',
  hint: "relu's derivative is taken as relu(Z) itself; it is the step: 1 where Z > 0, else 0 (tf.step(Z)).",
};

export function linearActivationBackward(dA: tf.Tensor2D, cache: LayerCache, activation: Activation): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
  const [linearCache, Z] = cache;
  const s = tf.sigmoid(Z);
  const dZ = activation === 'relu' ? tf.mul(dA, tf.relu(Z)) : tf.mul(dA, tf.mul(s, tf.sub(1, s)));
  return linearBackward(dZ as tf.Tensor2D, linearCache);
}
