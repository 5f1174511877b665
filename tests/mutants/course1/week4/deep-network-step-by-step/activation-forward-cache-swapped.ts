import * as tf from '@tensorflow/tfjs';
import { linearForward, type Activation, type LayerCache } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-step-by-step';

export const mutant = { fn: 'linearActivationForward', hint: 'The cache is [Z, linearCache]; the course keeps [linearCache, activationCache].' };

export function linearActivationForward(APrev: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D, activation: Activation): [tf.Tensor2D, LayerCache] {
  const [Z, linearCache] = linearForward(APrev, W, b);
  const A = activation === 'sigmoid' ? tf.sigmoid(Z) : tf.relu(Z);
  return [A, [Z, linearCache] as unknown as LayerCache];
}
