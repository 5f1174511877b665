import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { initializeParameters, type Parameters, type TrainingResult } from '../../../../../solutions/course1/week4/deep-network-application';
import { computeCost, linearActivationBackward, linearActivationForward, updateParameters } from '../../../../../solutions/course1/week4/deep-network-step-by-step';
export * from '../../../../../solutions/course1/week4/deep-network-application';

export const mutant = {
  fn: 'twoLayerModel',
  hint: 'dA2 has the wrong sign, so the parameters climb the cost: dA2 = −(Y/A2 − (1 − Y)/(1 − A2)).',
};

type Step = { parameters: Parameters; cost: number };

export function twoLayerModel(
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  layersDims: [number, number, number],
  learningRate = 0.0075,
  numIterations = 3000,
): TrainingResult {
  np.random.seed(1);
  const costs: number[] = [];
  const [nX, nH, nY] = layersDims;
  let parameters = initializeParameters(nX, nH, nY);
  for (let i = 0; i < numIterations; i++) {
    const step = tf.tidy((): Step => {
      const { W1, b1, W2, b2 } = parameters as Record<'W1' | 'b1' | 'W2' | 'b2', tf.Tensor2D>;
      const [A1, cache1] = linearActivationForward(X, W1, b1, 'relu');
      const [A2, cache2] = linearActivationForward(A1, W2, b2, 'sigmoid');
      const cost = computeCost(A2, Y);
      const dA2 = tf.sub(tf.div(Y, A2), tf.div(tf.sub(1, Y), tf.sub(1, A2))) as tf.Tensor2D;
      const [dA1, dW2, db2] = linearActivationBackward(dA2, cache2, 'sigmoid');
      const [, dW1, db1] = linearActivationBackward(dA1, cache1, 'relu');
      return { parameters: updateParameters(parameters, { dW1, db1, dW2, db2 }, learningRate), cost };
    });
    tf.dispose(Object.values(parameters));
    parameters = step.parameters;
    if (i % 100 === 0) costs.push(step.cost);
  }
  return { parameters, costs };
}
