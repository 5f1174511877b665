import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { initializeParametersDeep, type Parameters, type TrainingResult } from '../../../../../solutions/course1/week4/deep-network-application';
import { computeCost, lModelBackward, lModelForward, updateParameters } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-application';

export const mutant = {
  fn: 'lLayerModel',
  hint: 'The costs are recorded after iterations 99, 199, …; the course records them at iterations 0, 100, 200, … (i % 100 === 0).',
};

type Step = { parameters: Parameters; cost: number };

export function lLayerModel(X: tf.Tensor2D, Y: tf.Tensor2D, layersDims: number[], learningRate = 0.0075, numIterations = 3000): TrainingResult {
  np.random.seed(1);
  const costs: number[] = [];
  let parameters = initializeParametersDeep(layersDims);
  for (let i = 0; i < numIterations; i++) {
    const step = tf.tidy((): Step => {
      const [AL, caches] = lModelForward(X, parameters);
      const cost = computeCost(AL, Y);
      const grads = lModelBackward(AL, Y, caches);
      return { parameters: updateParameters(parameters, grads, learningRate), cost };
    });
    tf.dispose(Object.values(parameters));
    parameters = step.parameters;
    if ((i + 1) % 100 === 0) costs.push(step.cost);
  }
  void initializeParametersDeep;
  return { parameters, costs };
}
