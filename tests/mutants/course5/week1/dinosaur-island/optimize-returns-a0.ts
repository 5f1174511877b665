import * as tf from '@tensorflow/tfjs';
import { rnnBackward, rnnForward, updateParameters, type CharGradients, type CharParameters } from '../../../../../lib/dinosaur-utils';
import { clip } from '../../../../../solutions/course5/week1/dinosaur-island';
export * from '../../../../../solutions/course5/week1/dinosaur-island';

export const mutant = { fn: 'optimize', hint: 'The hidden state returned is the one passed in: return the state of the last step, a[len(X) − 1], so the next name continues from it.' };

export function optimize(X: (number | null)[], Y: number[], aPrev: tf.Tensor2D, parameters: CharParameters, learningRate = 0.01): [number, CharGradients, tf.Tensor2D, CharParameters] {
  const [loss, cache] = rnnForward(X, Y, aPrev, parameters);
  const [raw] = rnnBackward(X, Y, parameters, cache);
  const gradients = clip(raw, 5);
  return [loss, gradients, aPrev, updateParameters(parameters, gradients, learningRate)];
}
