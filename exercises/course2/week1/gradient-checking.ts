/**
 * Course 2, week 1 — Gradient checking.
 *
 * Backward propagation is easy to get subtly wrong; a gradient check compares it
 * with what the cost itself says: the slope (J(θ + ε) − J(θ − ε)) / (2ε).
 * First in one dimension, then for the course's three-layer network, whose cost
 * forwardPropagationN and vector helpers are provided in
 * lib/datasets/course2-week1-utils.ts. Read gradient-checking.md first.
 * Grade your work with: npm run grade -- course2/week1/gradient-checking
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
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
import { notImplemented } from '../../../lib/not-implemented';

export type { Gradients, ThreeLayerParameters } from '../../../lib/datasets/course2-week1-utils';

/**
 * Exercise 1 — the one-dimensional "network": J(θ) = θ·x. Return J.
 */
export function forwardPropagation(x: number, theta: number): number {
  return notImplemented('forwardPropagation');
}

/**
 * Exercise 2 — its derivative dJ/dθ.
 */
export function backwardPropagation(x: number, theta: number): number {
  return notImplemented('backwardPropagation');
}

/**
 * Exercise 3 — one-dimensional gradient checking. Using your two functions:
 *   J⁺ = J(θ + ε),  J⁻ = J(θ − ε),  gradapprox = (J⁺ − J⁻) / (2ε)
 *   grad = backwardPropagation(x, θ)
 *   difference = |grad − gradapprox| / (|grad| + |gradapprox|)
 * Return the difference (0 when both are 0). Plain JavaScript numbers are float64,
 * so here the course's ε = 1e-7 works: the difference comes out near 1e-9 or below.
 */
export function gradientCheck(x: number, theta: number, epsilon = 1e-7): number {
  return notImplemented('gradientCheck');
}

/**
 * Exercise 4 — gradient checking for the three-layer network.
 * `gradients` are the gradients to check (from some backward pass, right or wrong);
 * your job is to say how far they are from the cost's true slope:
 *   1. const [parametersValues] = dictionaryToVector(parameters)   — θ, one flat vector
 *      const grad = gradientsToVector(gradients)                   — g, in the same order
 *   2. for each i: θ⁺ = a COPY of θ with θ⁺[i] += ε, θ⁻ = a copy with θ⁻[i] −= ε,
 *        J⁺[i] = forwardPropagationN(X, Y, vectorToDictionary(θ⁺, parameters))[0], J⁻[i] likewise,
 *        gradapprox[i] = (J⁺[i] − J⁻[i]) / (2ε)
 *   3. difference = ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖)   (‖v‖ = √(Σ v²))
 * Return the difference.
 * The cost is computed by TensorFlow.js in float32 (about 7 significant digits), so
 * ε = 1e-7 would only measure rounding noise: the default here is ε = 1e-2 (see the .md).
 * Tip: wrap each cost evaluation in tf.tidy(() => …[0]) to free its tensors.
 */
export function gradientCheckN(parameters: ThreeLayerParameters, gradients: Gradients, X: tf.Tensor2D, Y: tf.Tensor2D, epsilon = 1e-2): number {
  void [dictionaryToVector, forwardPropagationN, gradientsToVector, vectorToDictionary]; // you will need these
  return notImplemented('gradientCheckN');
}
