import * as tf from '@tensorflow/tfjs';
import { dictionaryToVector, forwardPropagationN, gradientsToVector, vectorToDictionary } from '../../../../../lib/datasets/course2-week1-utils';
import { backwardPropagation, forwardPropagation, type Gradients, type ThreeLayerParameters } from '../../../../../solutions/course2/week1/gradient-checking';
export * from '../../../../../solutions/course2/week1/gradient-checking';

export const mutant = {
  fn: 'gradientCheckN',
  hint: 'Use the two-sided difference (J(θ + ε) − J(θ − ε)) / (2ε): the one-sided (J(θ + ε) − J(θ)) / ε is only accurate to O(ε).',
};

export function gradientCheckN(parameters: ThreeLayerParameters, gradients: Gradients, X: tf.Tensor2D, Y: tf.Tensor2D, epsilon = 1e-2): number {
  const [parametersValues] = dictionaryToVector(parameters);
  const grad = gradientsToVector(gradients);
  const eps = epsilon;
  void epsilon;
  const cost = (theta: number[]) => tf.tidy(() => forwardPropagationN(X, Y, vectorToDictionary(theta, parameters))[0]);
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const gradapprox: number[] = [];
  const j0 = cost(parametersValues);
  for (let i = 0; i < parametersValues.length; i++) {
    const thetaPlus = [...parametersValues];
    thetaPlus[i]! += eps;
    gradapprox.push((cost(thetaPlus) - j0) / eps);
  }
  return norm(grad.map((g, i) => g - gradapprox[i]!)) / (norm(grad) + norm(gradapprox));
}
