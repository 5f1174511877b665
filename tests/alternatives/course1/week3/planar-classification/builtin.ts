/**
 * Correct alternative (builtin): tf.buffer for the initial weights,
 * tf.losses.logLoss for the cost, tf.grads of tf.losses.sigmoidCrossEntropy for
 * the backward pass, tf.train.sgd on tf.variables for the updates and the
 * training loop, tf.round (half to even) for the predictions.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import type { Cache, Gradients, Parameters } from '../../../../../solutions/course1/week3/planar-classification';

export function layerSizes(X: tf.Tensor2D, Y: tf.Tensor2D): { nX: number; nH: number; nY: number } {
  return { nX: X.shape[0], nH: 4, nY: Y.shape[0] };
}

function scaledNormal(rows: number, cols: number): tf.Tensor2D {
  const values = np.random.randn(rows, cols);
  const buf = tf.buffer([rows, cols], 'float32');
  values.forEach((v, k) => buf.set(0.01 * v, Math.floor(k / cols), k % cols));
  return buf.toTensor() as tf.Tensor2D;
}

export function initializeParameters(nX: number, nH: number, nY: number): Parameters {
  np.random.seed(2);
  const W1 = scaledNormal(nH, nX);
  const W2 = scaledNormal(nY, nH);
  return { W1, b1: tf.zerosLike(tf.zeros([nH, 1])) as tf.Tensor2D, W2, b2: tf.fill([nY, 1], 0) as tf.Tensor2D };
}

function logits(X: tf.Tensor2D, W1: tf.Tensor, b1: tf.Tensor, W2: tf.Tensor, b2: tf.Tensor): { Z1: tf.Tensor2D; A1: tf.Tensor2D; Z2: tf.Tensor2D } {
  const Z1 = tf.add(tf.dot(W1, X), b1) as tf.Tensor2D;
  const A1 = tf.tanh(Z1);
  const Z2 = tf.add(tf.dot(W2, A1), b2) as tf.Tensor2D;
  return { Z1, A1, Z2 };
}

export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): [tf.Tensor2D, Cache] {
  const { Z1, A1, Z2 } = logits(X, parameters.W1, parameters.b1, parameters.W2, parameters.b2);
  const A2 = tf.sigmoid(Z2);
  return [A2, { Z1, A1, Z2, A2 }];
}

export function computeCost(A2: tf.Tensor2D, Y: tf.Tensor2D): number {
  return tf.tidy(() => tf.losses.logLoss(Y, A2).dataSync()[0]!);
}

export function backwardPropagation(parameters: Parameters, _cache: Cache, X: tf.Tensor2D, Y: tf.Tensor2D): Gradients {
  return tf.tidy(() => {
    const g = tf.grads((W1: tf.Tensor, b1: tf.Tensor, W2: tf.Tensor, b2: tf.Tensor) =>
      tf.losses.sigmoidCrossEntropy(Y, logits(X, W1, b1, W2, b2).Z2),
    );
    const [dW1, db1, dW2, db2] = g([parameters.W1, parameters.b1, parameters.W2, parameters.b2]) as tf.Tensor2D[];
    return { dW1: dW1!, db1: db1!, dW2: dW2!, db2: db2! };
  });
}

export function updateParameters(parameters: Parameters, grads: Gradients, learningRate = 1.2): Parameters {
  const sgd = tf.train.sgd(learningRate);
  const keys = ['W1', 'b1', 'W2', 'b2'] as const;
  const vars = keys.map((k) => tf.variable(parameters[k]));
  const named: tf.NamedTensorMap = {};
  keys.forEach((k, i) => (named[vars[i]!.name] = grads[`d${k}`]));
  sgd.applyGradients(named);
  sgd.dispose();
  const out = Object.fromEntries(keys.map((k, i) => [k, tf.clone(vars[i]!)])) as unknown as Parameters;
  tf.dispose(vars);
  return out;
}

export function nnModel(X: tf.Tensor2D, Y: tf.Tensor2D, nH: number, numIterations = 10000, printCost = false): Parameters {
  np.random.seed(3);
  const { nX, nY } = layerSizes(X, Y);
  const init = initializeParameters(nX, nH, nY);
  const W1 = tf.variable(init.W1);
  const b1 = tf.variable(init.b1);
  const W2 = tf.variable(init.W2);
  const b2 = tf.variable(init.b2);
  tf.dispose(Object.values(init));
  const sgd = tf.train.sgd(1.2);
  for (let i = 0; i < numIterations; i++) {
    const loss = sgd.minimize(() => tf.losses.sigmoidCrossEntropy(Y, logits(X, W1, b1, W2, b2).Z2) as tf.Scalar, true, [W1, b1, W2, b2]);
    if (printCost && i % 1000 === 0) console.log(`Cost after iteration ${i}: ${loss!.dataSync()[0]}`);
    loss?.dispose();
  }
  sgd.dispose();
  const params = { W1: tf.clone(W1), b1: tf.clone(b1), W2: tf.clone(W2), b2: tf.clone(b2) } as Parameters;
  tf.dispose([W1, b1, W2, b2]);
  return params;
}

export function predict(parameters: Parameters, X: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.round(forwardPropagation(X, parameters)[0]));
}

export const alternative = {
  style: 'builtin',
  fns: ['layerSizes', 'initializeParameters', 'forwardPropagation', 'computeCost', 'backwardPropagation', 'updateParameters', 'nnModel', 'predict'],
};
