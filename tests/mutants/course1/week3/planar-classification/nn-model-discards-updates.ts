import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { backwardPropagation, forwardPropagation, initializeParameters, layerSizes, updateParameters, type Parameters } from '../../../../../solutions/course1/week3/planar-classification';
export * from '../../../../../solutions/course1/week3/planar-classification';

export const mutant = { fn: 'nnModel', hint: 'Each iteration computes new parameters but keeps training the old ones: assign the result of updateParameters.' };

export function nnModel(X: tf.Tensor2D, Y: tf.Tensor2D, nH: number, numIterations = 10000, _printCost = false): Parameters {
  np.random.seed(3);
  const { nX, nY } = layerSizes(X, Y);
  const parameters = initializeParameters(nX, nH, nY);
  for (let i = 0; i < numIterations; i++) {
    tf.tidy(() => {
      const [, cache] = forwardPropagation(X, parameters);
      updateParameters(parameters, backwardPropagation(parameters, cache, X, Y));
    });
  }
  return parameters;
}
