/**
 * Course 2, week 1 — Gradient checking.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';
import {
  dictionaryToVector,
  forwardPropagationN,
  gradientsToVector,
  vectorToDictionary,
  type Gradients,
  type ThreeLayerParameters,
} from '../../../lib/datasets/course2-week1-utils';

export type { Gradients, ThreeLayerParameters } from '../../../lib/datasets/course2-week1-utils';

/** The one-dimensional "network": J(θ) = θ·x. */
export function forwardPropagation(x: number, theta: number): number {
  return theta * x;
}

/** dJ/dθ for J(θ) = θ·x. */
export function backwardPropagation(x: number, theta: number): number {
  void theta;
  return x;
}

/** Relative difference between backwardPropagation and a two-sided difference of forwardPropagation. */
export function gradientCheck(x: number, theta: number, epsilon = 1e-7): number {
  const jPlus = forwardPropagation(x, theta + epsilon);
  const jMinus = forwardPropagation(x, theta - epsilon);
  const gradapprox = (jPlus - jMinus) / (2 * epsilon);
  const grad = backwardPropagation(x, theta);
  const numerator = Math.abs(grad - gradapprox);
  const denominator = Math.abs(grad) + Math.abs(gradapprox);
  return denominator === 0 ? 0 : numerator / denominator;
}

/** ‖v‖, the Euclidean norm of a vector. */
function norm(v: number[]): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

/**
 * Relative difference ‖g − g̃‖ / (‖g‖ + ‖g̃‖) between the given gradients g and
 * two-sided differences g̃ of the provided forwardPropagationN's cost, one parameter at a time.
 */
export function gradientCheckN(parameters: ThreeLayerParameters, gradients: Gradients, X: tf.Tensor2D, Y: tf.Tensor2D, epsilon = 1e-2): number {
  const [parametersValues] = dictionaryToVector(parameters);
  const grad = gradientsToVector(gradients);
  const cost = (theta: number[]) => tf.tidy(() => forwardPropagationN(X, Y, vectorToDictionary(theta, parameters))[0]);
  const gradapprox = parametersValues.map((_, i) => {
    const thetaPlus = [...parametersValues];
    thetaPlus[i]! += epsilon;
    const thetaMinus = [...parametersValues];
    thetaMinus[i]! -= epsilon;
    return (cost(thetaPlus) - cost(thetaMinus)) / (2 * epsilon);
  });
  const numerator = norm(grad.map((g, i) => g - gradapprox[i]!));
  const denominator = norm(grad) + norm(gradapprox);
  return numerator / denominator;
}
