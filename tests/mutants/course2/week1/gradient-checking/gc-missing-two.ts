import * as tf from '@tensorflow/tfjs';
import { dictionaryToVector, forwardPropagationN, gradientsToVector, vectorToDictionary } from '../../../../../lib/datasets/course2-week1-utils';
import { backwardPropagation, forwardPropagation, type Gradients, type ThreeLayerParameters } from '../../../../../solutions/course2/week1/gradient-checking';
export * from '../../../../../solutions/course2/week1/gradient-checking';

export const mutant = {
  fn: 'gradientCheck',
  hint: 'The two-sided difference divides by 2ε: the points θ + ε and θ − ε are 2ε apart.',
};

export function gradientCheck(x: number, theta: number, epsilon = 1e-7): number {
  const jPlus = forwardPropagation(x, theta + epsilon);
  const jMinus = forwardPropagation(x, theta - epsilon);
  const gradapprox = (jPlus - jMinus) / epsilon;
  const grad = backwardPropagation(x, theta);
  return Math.abs(grad - gradapprox) / (Math.abs(grad) + Math.abs(gradapprox));
}
