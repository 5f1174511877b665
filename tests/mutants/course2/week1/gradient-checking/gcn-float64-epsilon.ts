import * as tf from '@tensorflow/tfjs';
import { dictionaryToVector, forwardPropagationN, gradientsToVector, vectorToDictionary } from '../../../../../lib/datasets/course2-week1-utils';
import { backwardPropagation, forwardPropagation, type Gradients, type ThreeLayerParameters } from '../../../../../solutions/course2/week1/gradient-checking';
export * from '../../../../../solutions/course2/week1/gradient-checking';

export const mutant = {
  fn: 'gradientCheckN',
  hint: 'ε = 1e-7 is the course\'s float64 value: in float32 the cost changes by less than its rounding error, so the differences are noise. Use the epsilon argument (1e-2).',
};

export function gradientCheckN(parameters: ThreeLayerParameters, gradients: Gradients, X: tf.Tensor2D, Y: tf.Tensor2D, epsilon = 1e-2): number {
  const [parametersValues] = dictionaryToVector(parameters);
  const grad = gradientsToVector(gradients);
  const eps = 1e-7;
  void epsilon;
  const cost = (theta: number[]) => tf.tidy(() => forwardPropagationN(X, Y, vectorToDictionary(theta, parameters))[0]);
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const gradapprox: number[] = [];
  for (let i = 0; i < parametersValues.length; i++) {
    const thetaPlus = [...parametersValues];
    thetaPlus[i]! += eps;
    const thetaMinus = [...parametersValues];
    thetaMinus[i]! -= eps;
    gradapprox.push((cost(thetaPlus) - cost(thetaMinus)) / (2 * eps));
  }
  return norm(grad.map((g, i) => g - gradapprox[i]!)) / (norm(grad) + norm(gradapprox));
}
