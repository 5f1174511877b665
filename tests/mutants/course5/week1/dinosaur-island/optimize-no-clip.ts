import * as tf from '@tensorflow/tfjs';
import { rnnBackward, rnnForward, updateParameters, type CharGradients, type CharParameters } from '../../../../../lib/dinosaur-utils';
export * from '../../../../../solutions/course5/week1/dinosaur-island';

export const mutant = { fn: 'optimize', hint: 'The gradients are not clipped: clip them to [−5, 5] with clip(gradients, 5) before the update (and return the clipped ones).' };

export function optimize(X: (number | null)[], Y: number[], aPrev: tf.Tensor2D, parameters: CharParameters, learningRate = 0.01): [number, CharGradients, tf.Tensor2D, CharParameters] {
  const [loss, cache] = rnnForward(X, Y, aPrev, parameters);
  const [gradients, aLast] = rnnBackward(X, Y, parameters, cache);
  return [loss, gradients, aLast, updateParameters(parameters, gradients, learningRate)];
}
