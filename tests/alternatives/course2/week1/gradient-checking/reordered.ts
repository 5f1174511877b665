/** Other orders: perturb-in-place-and-restore, gradapprox as J⁺/2ε − J⁻/2ε, Math.hypot norms. */
import * as tf from '@tensorflow/tfjs';
import {
  dictionaryToVector,
  forwardPropagationN,
  gradientsToVector,
  vectorToDictionary,
  type Gradients,
  type ThreeLayerParameters,
} from '../../../../../lib/datasets/course2-week1-utils';

export type { Gradients, ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';

export function forwardPropagation(x: number, theta: number): number {
  return x * theta;
}

export function backwardPropagation(x: number, _theta: number): number {
  return 1 * x;
}

export function gradientCheck(x: number, theta: number, epsilon = 1e-7): number {
  const twoEps = epsilon + epsilon;
  const gradapprox = forwardPropagation(x, theta + epsilon) / twoEps - forwardPropagation(x, theta - epsilon) / twoEps;
  const grad = backwardPropagation(x, theta);
  const denominator = Math.abs(gradapprox) + Math.abs(grad);
  if (!(denominator > 0)) return 0;
  return Math.abs(gradapprox - grad) / denominator;
}

export function gradientCheckN(parameters: ThreeLayerParameters, gradients: Gradients, X: tf.Tensor2D, Y: tf.Tensor2D, epsilon = 1e-2): number {
  const [theta] = dictionaryToVector(parameters);
  const g = gradientsToVector(gradients);
  const J = (): number => tf.tidy(() => forwardPropagationN(X, Y, vectorToDictionary(theta, parameters))[0]);
  const diffs: number[] = [];
  const approx: number[] = [];
  // Walk the parameters from the last to the first, perturbing θ in place and restoring it.
  for (let i = theta.length - 1; i >= 0; i--) {
    const original = theta[i]!;
    theta[i] = original + epsilon;
    const up = J();
    theta[i] = original - epsilon;
    const down = J();
    theta[i] = original;
    const a = (up - down) / (2 * epsilon);
    approx.push(a);
    diffs.push(a - g[i]!);
  }
  return Math.hypot(...diffs) / (Math.hypot(...approx) + Math.hypot(...g));
}

export const alternative = { style: 'reordered', fns: ['forwardPropagation', 'backwardPropagation', 'gradientCheck', 'gradientCheckN'] };
