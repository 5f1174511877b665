/**
 * Course 1, week 4 — Deep neural network for image classification: application.
 * Reference solution. The building blocks come from the step-by-step assignment.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';
import {
  computeCost,
  lModelBackward,
  lModelForward,
  linearActivationBackward,
  linearActivationForward,
  updateParameters,
  type Parameters,
} from './deep-network-step-by-step';

export type { Parameters } from './deep-network-step-by-step';

/** What both models return: the learned parameters and the cost every 100 iterations. */
export type TrainingResult = { parameters: Parameters; costs: number[] };

/** Given: W1 = randn(nH, nX) × 0.01, W2 = randn(nY, nH) × 0.01 after np.random.seed(1); zero biases. */
export function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  np.random.seed(1);
  return {
    W1: tf.tensor2d(np.random.randn(nH, nX), [nH, nX]).mul(0.01),
    b1: tf.zeros([nH, 1]),
    W2: tf.tensor2d(np.random.randn(nY, nH), [nY, nH]).mul(0.01),
    b2: tf.zeros([nY, 1]),
  };
}

/** Given: Wl = randn(n_l, n_{l-1}) / √n_{l-1} after np.random.seed(1); zero biases. Deep networks train from here. */
export function initializeParametersDeep(layerDims: number[]): Parameters {
  np.random.seed(1);
  const parameters: Parameters = {};
  for (let l = 1; l < layerDims.length; l++) {
    const [n, nPrev] = [layerDims[l]!, layerDims[l - 1]!];
    parameters[`W${l}`] = tf.tensor2d(np.random.randn(n, nPrev), [n, nPrev]).div(Math.sqrt(nPrev));
    parameters[`b${l}`] = tf.zeros([n, 1]);
  }
  return parameters;
}

type Step = { parameters: Parameters; cost: number };

/** LINEAR → RELU → LINEAR → SIGMOID, trained by gradient descent. layersDims = [nX, nH, nY]. */
export function twoLayerModel(
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  layersDims: [number, number, number],
  learningRate = 0.0075,
  numIterations = 3000,
  printCost = false,
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
      const dA2 = tf.neg(tf.sub(tf.div(Y, A2), tf.div(tf.sub(1, Y), tf.sub(1, A2)))) as tf.Tensor2D;
      const [dA1, dW2, db2] = linearActivationBackward(dA2, cache2, 'sigmoid');
      const [, dW1, db1] = linearActivationBackward(dA1, cache1, 'relu');
      return { parameters: updateParameters(parameters, { dW1, db1, dW2, db2 }, learningRate), cost };
    });
    tf.dispose(Object.values(parameters));
    parameters = step.parameters;
    if (printCost && (i % 100 === 0 || i === numIterations - 1)) console.log(`Cost after iteration ${i}: ${step.cost}`);
    if (i % 100 === 0) costs.push(step.cost);
  }
  return { parameters, costs };
}

/** [LINEAR → RELU] × (L − 1) → LINEAR → SIGMOID, trained by gradient descent. layersDims = [nX, n1, …, 1]. */
export function lLayerModel(
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  layersDims: number[],
  learningRate = 0.0075,
  numIterations = 3000,
  printCost = false,
): TrainingResult {
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
    if (printCost && (i % 100 === 0 || i === numIterations - 1)) console.log(`Cost after iteration ${i}: ${step.cost}`);
    if (i % 100 === 0) costs.push(step.cost);
  }
  return { parameters, costs };
}

/** Predictions of an L-layer network: 1 where AL > 0.5, else 0, as a [1, m] tensor. Prints the accuracy when Y is given. */
export function predict(X: tf.Tensor2D, Y: tf.Tensor2D | null, parameters: Parameters): tf.Tensor2D {
  const [probas] = lModelForward(X, parameters);
  const p = tf.cast(tf.greater(probas, 0.5), 'float32') as tf.Tensor2D;
  if (Y) console.log(`Accuracy: ${tf.mean(tf.cast(tf.equal(p, Y), 'float32')).dataSync()[0]}`);
  return p;
}
