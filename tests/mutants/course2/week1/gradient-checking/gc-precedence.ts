import * as tf from '@tensorflow/tfjs';
import { dictionaryToVector, forwardPropagationN, gradientsToVector, vectorToDictionary } from '../../../../../lib/datasets/course2-week1-utils';
import { backwardPropagation, forwardPropagation, type Gradients, type ThreeLayerParameters } from '../../../../../solutions/course2/week1/gradient-checking';
export * from '../../../../../solutions/course2/week1/gradient-checking';

export const mutant = {
  fn: 'gradientCheck',
  hint: '(J⁺ − J⁻) / 2 * ε divides by 2 and then MULTIPLIES by ε: write (J⁺ − J⁻) / (2 * ε).',
};

export function gradientCheck(x: number, theta: number, epsilon = 1e-7): number {
  const jPlus = forwardPropagation(x, theta + epsilon);
  const jMinus = forwardPropagation(x, theta - epsilon);
  const gradapprox = (jPlus - jMinus) / 2 * epsilon;
  const grad = backwardPropagation(x, theta);
  return Math.abs(grad - gradapprox) / (Math.abs(grad) + Math.abs(gradapprox));
}
