/**
 * Correct alternative (hypot): the gradients read key by key in the course's order into one Float64Array, each
 * parameter perturbed in a copy of its own tensor's values (the others passed as they are), norms with Math.hypot,
 * and the numerator and denominator accumulated per key.
 */
import * as tf from '@tensorflow/tfjs';
import { forwardPropagationN, type Gradients, type ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';

export type { Gradients, ThreeLayerParameters } from '../../../../../lib/datasets/course2-week1-utils';
export { forwardPropagation, backwardPropagation } from '../../../../../solutions/course2/week1/gradient-checking';
import { forwardPropagation, backwardPropagation } from '../../../../../solutions/course2/week1/gradient-checking';

export function gradientCheck(x: number, theta: number, epsilon = 1e-7): number {
  const grad = backwardPropagation(x, theta);
  const gradapprox = (forwardPropagation(x, theta + epsilon) - forwardPropagation(x, theta - epsilon)) / (2 * epsilon);
  const denominator = Math.hypot(grad) + Math.hypot(gradapprox);
  return denominator > 0 ? Math.hypot(grad - gradapprox) / denominator : 0;
}

const LAYERS = [1, 2, 3] as const;

export function gradientCheckN(parameters: ThreeLayerParameters, gradients: Gradients, X: tf.Tensor2D, Y: tf.Tensor2D, epsilon = 1e-2): number {
  const differences: number[] = [];
  const grads: number[] = [];
  const approxes: number[] = [];
  for (const l of LAYERS) {
    for (const kind of ['W', 'b'] as const) {
      const key = `${kind}${l}` as keyof ThreeLayerParameters;
      const P = parameters[key];
      const values = Float64Array.from(P.dataSync());
      const g = gradients[`d${kind}${l}` as keyof Gradients].dataSync();
      for (let i = 0; i < values.length; i++) {
        const costAt = (delta: number): number => {
          const shifted = Float64Array.from(values);
          shifted[i]! += delta;
          return tf.tidy(() => {
            const moved = { ...parameters, [key]: tf.tensor2d(Array.from(shifted), P.shape) } as ThreeLayerParameters;
            return forwardPropagationN(X, Y, moved)[0];
          });
        };
        const approx = (costAt(epsilon) - costAt(-epsilon)) / (2 * epsilon);
        grads.push(g[i]!);
        approxes.push(approx);
        differences.push(g[i]! - approx);
      }
    }
  }
  return Math.hypot(...differences) / (Math.hypot(...grads) + Math.hypot(...approxes));
}

export const alternative = { style: 'hypot', fns: ['gradientCheck', 'gradientCheckN'] };
