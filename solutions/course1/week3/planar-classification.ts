/**
 * Course 1, week 3 — Planar data classification with one hidden layer.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';

export type Parameters = {
  W1: tf.Tensor2D;
  b1: tf.Tensor2D;
  W2: tf.Tensor2D;
  b2: tf.Tensor2D;
};

export type Cache = {
  Z1: tf.Tensor2D;
  A1: tf.Tensor2D;
  Z2: tf.Tensor2D;
  A2: tf.Tensor2D;
};

export type Gradients = {
  dW1: tf.Tensor2D;
  db1: tf.Tensor2D;
  dW2: tf.Tensor2D;
  db2: tf.Tensor2D;
};

/** Sizes of the input, hidden and output layers: X is [nX, m], Y is [nY, m]; the hidden layer has 4 units. */
export function layerSizes(X: tf.Tensor2D, Y: tf.Tensor2D): { nX: number; nH: number; nY: number } {
  return { nX: X.shape[0], nH: 4, nY: Y.shape[0] };
}

/** Small random weights (randn × 0.01, from np.random.seed(2)) and zero biases. */
export function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  np.random.seed(2);
  return {
    W1: tf.tensor2d(np.random.randn(nH, nX), [nH, nX]).mul(0.01),
    b1: tf.zeros([nH, 1]),
    W2: tf.tensor2d(np.random.randn(nY, nH), [nY, nH]).mul(0.01),
    b2: tf.zeros([nY, 1]),
  };
}

/** Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = σ(Z2). Returns [A2, cache]. */
export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, Cache] {
  const { W1, b1, W2, b2 } = parameters;
  const Z1 = tf.add(tf.matMul(W1, X), b1) as tf.Tensor2D;
  const A1 = tf.tanh(Z1);
  const Z2 = tf.add(tf.matMul(W2, A1), b2) as tf.Tensor2D;
  const A2 = tf.sigmoid(Z2);
  return [A2, { Z1, A1, Z2, A2 }];
}

/** Cross-entropy cost −(1/m) Σ [y·log(a) + (1 − y)·log(1 − a)], as a number. */
export function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): number {
  const m = Y.shape[1];
  const logprobs = tf.add(tf.mul(Y, tf.log(A2)), tf.mul(tf.sub(1, Y), tf.log(tf.sub(1, A2))));
  return -tf.sum(logprobs).dataSync()[0]! / m;
}

/** Gradients of the cost with respect to W1, b1, W2, b2. */
export function backwardPropagation(parameters: Parameters, cache: Cache, X: tf.Tensor2D, Y: tf.Tensor2D): Gradients {
  const m = X.shape[1];
  const { W2 } = parameters;
  const { A1, A2 } = cache;
  const dZ2 = tf.sub(A2, Y);
  const dW2 = tf.matMul(dZ2, A1, false, true).div(m) as tf.Tensor2D;
  const db2 = tf.sum(dZ2, 1, true).div(m) as tf.Tensor2D;
  const dZ1 = tf.mul(tf.matMul(W2, dZ2, true, false), tf.sub(1, tf.square(A1)));
  const dW1 = tf.matMul(dZ1, X, false, true).div(m) as tf.Tensor2D;
  const db1 = tf.sum(dZ1, 1, true).div(m) as tf.Tensor2D;
  return { dW1, db1, dW2, db2 };
}

/** One gradient-descent step: θ ← θ − α·dθ. */
export function updateParameters(parameters: Parameters, grads: Gradients, learningRate = 1.2): Parameters {
  return {
    W1: tf.sub(parameters.W1, tf.mul(learningRate, grads.dW1)),
    b1: tf.sub(parameters.b1, tf.mul(learningRate, grads.db1)),
    W2: tf.sub(parameters.W2, tf.mul(learningRate, grads.dW2)),
    b2: tf.sub(parameters.b2, tf.mul(learningRate, grads.db2)),
  };
}

/** Trains the network with nH hidden units by gradient descent and returns the learned parameters. */
export function nnModel(X: tf.Tensor2D, Y: tf.Tensor2D, nH: number, numIterations = 10000, printCost = false): Parameters {
  np.random.seed(3);
  const { nX, nY } = layerSizes(X, Y);
  let parameters = initializeParameters(nX, nH, nY);
  for (let i = 0; i < numIterations; i++) {
    // tf.tidy frees every intermediate tensor of the step; keep() saves the new parameters.
    const next = tf.tidy(() => {
      const [A2, cache] = forwardPropagation(X, parameters);
      const grads = backwardPropagation(parameters, cache, X, Y);
      if (printCost && i % 1000 === 0) console.log(`Cost after iteration ${i}: ${computeCost(A2, Y)}`);
      return updateParameters(parameters, grads);
    });
    tf.dispose(Object.values(parameters));
    parameters = next;
  }
  return parameters;
}

/** Predicts 1 where the network's output is above 0.5, else 0: a [1, m] tensor. */
export function predict(parameters: Parameters, X: tf.Tensor2D): tf.Tensor2D {
  const [A2] = forwardPropagation(X, parameters);
  return tf.cast(tf.greater(A2, 0.5), 'float32') as tf.Tensor2D;
}
