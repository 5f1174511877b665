/**
 * Course-style: softmax, one-hot, the initial weights and the accuracies with plain loops over arraySync() (float64).
 * computeCost and forwardPropagation must stay differentiable tensors (the optimizer differentiates them), so they
 * are hand-written tensor maths: the cost as mean(log Σ exp(z − max) + max − Σ y·z); mini-batches built by copying columns.
 */
import * as tf from '@tensorflow/tfjs';
import { randomMiniBatchIndices } from '../../../../../lib/datasets/signs';
import { np } from '../../../../../lib/np-random';

export type Parameters = { W1: tf.Variable; b1: tf.Variable; W2: tf.Variable; b2: tf.Variable; W3: tf.Variable; b3: tf.Variable };
export type TrainedModel = { parameters: Parameters; trainAccuracy: number; testAccuracy: number; costs: number[] };

type M = number[][];

export function softmax(Z: tf.Tensor2D): tf.Tensor2D {
  const z = Z.arraySync() as M;
  const [C, m] = Z.shape;
  const out: M = Array.from({ length: C }, () => new Array<number>(m).fill(0));
  for (let j = 0; j < m; j++) {
    let max = -Infinity;
    for (let i = 0; i < C; i++) if (z[i]![j]! > max) max = z[i]![j]!;
    let total = 0;
    for (let i = 0; i < C; i++) total += Math.exp(z[i]![j]! - max);
    for (let i = 0; i < C; i++) out[i]![j] = Math.exp(z[i]![j]! - max) / total;
  }
  return tf.tensor2d(out, [C, m]);
}

export function oneHot(labels: tf.Tensor1D, C: number): tf.Tensor2D {
  const ls = labels.arraySync() as number[];
  const out: M = [];
  for (let i = 0; i < C; i++) {
    const row: number[] = [];
    for (let j = 0; j < ls.length; j++) row.push(ls[j] === i ? 1 : 0);
    out.push(row);
  }
  return tf.tensor2d(out, [C, ls.length], 'float32');
}

export function computeCost(logits: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const max = tf.max(logits, 0, true);
    const lse = tf.add(tf.log(tf.sum(tf.exp(tf.sub(logits, max)), 0)), tf.squeeze(max, [0]));
    const picked = tf.sum(tf.mul(labels, logits), 0);
    return tf.mean(tf.sub(lse, picked)) as tf.Scalar;
  });
}

export function initializeParameters(layerDims: number[], seed = 1): Parameters {
  np.random.seed(seed);
  const params: Record<string, tf.Variable> = {};
  for (let l = 1; l <= 3; l++) {
    const nPrev = layerDims[l - 1]!;
    const n = layerDims[l]!;
    const r = Math.sqrt(6 / (nPrev + n));
    const flat = np.random.uniform(-r, r, n * nPrev);
    const W: M = [];
    for (let i = 0; i < n; i++) W.push(flat.slice(i * nPrev, (i + 1) * nPrev));
    const b: M = [];
    for (let i = 0; i < n; i++) b.push([0]);
    params['W' + l] = tf.variable(tf.tensor2d(W, [n, nPrev]));
    params['b' + l] = tf.variable(tf.tensor2d(b, [n, 1]));
  }
  return params as Parameters;
}

export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): tf.Tensor2D {
  const Z1 = tf.add(tf.matMul(parameters.W1, X), parameters.b1);
  const A1 = tf.maximum(Z1, 0);
  const Z2 = tf.add(tf.matMul(parameters.W2, A1), parameters.b2);
  const A2 = tf.maximum(Z2, 0);
  return tf.add(tf.matMul(parameters.W3, A2), parameters.b3) as tf.Tensor2D;
}

function columns(x: M, idx: number[]): M {
  return x.map((row) => idx.map((j) => row[j]!));
}

function accuracyLoop(X: tf.Tensor2D, Y: tf.Tensor2D, parameters: Parameters): number {
  const Z = tf.tidy(() => forwardPropagation(X, parameters));
  const z = Z.arraySync() as M;
  Z.dispose();
  const y = Y.arraySync() as M;
  const m = X.shape[1];
  let correct = 0;
  for (let j = 0; j < m; j++) {
    let pred = 0;
    let truth = 0;
    for (let i = 1; i < z.length; i++) {
      if (z[i]![j]! > z[pred]![j]!) pred = i;
      if (y[i]![j]! > y[truth]![j]!) truth = i;
    }
    if (pred === truth) correct++;
  }
  return correct / m;
}

export function model(
  XTrain: tf.Tensor2D,
  YTrain: tf.Tensor2D,
  XTest: tf.Tensor2D,
  YTest: tf.Tensor2D,
  learningRate = 0.0001,
  numEpochs = 1500,
  minibatchSize = 32,
  printCost = false,
): TrainedModel {
  const nX = XTrain.shape[0];
  const m = XTrain.shape[1];
  const C = YTrain.shape[0];
  const parameters = initializeParameters([nX, 25, 12, C]);
  const optimizer = tf.train.adam(learningRate);
  const x = XTrain.arraySync() as M;
  const y = YTrain.arraySync() as M;
  const costs: number[] = [];
  let seed = 3;
  for (let epoch = 0; epoch < numEpochs; epoch++) {
    seed = seed + 1;
    const minibatches = randomMiniBatchIndices(m, minibatchSize, seed);
    let epochCost = 0;
    for (const idx of minibatches) {
      const Xb = tf.tensor2d(columns(x, idx), [nX, idx.length]);
      const Yb = tf.tensor2d(columns(y, idx), [C, idx.length]);
      const cost = optimizer.minimize(() => computeCost(forwardPropagation(Xb, parameters), Yb), true)!;
      epochCost += (cost.arraySync() as number) / minibatches.length;
      tf.dispose([Xb, Yb, cost]);
    }
    costs.push(epochCost);
    if (printCost && epoch % 10 === 0) console.log('Cost after epoch', epoch, ':', epochCost);
  }
  optimizer.dispose();
  return { parameters, trainAccuracy: accuracyLoop(XTrain, YTrain, parameters), testAccuracy: accuracyLoop(XTest, YTest, parameters), costs };
}

export const alternative = { style: 'loops', fns: ['softmax', 'oneHot', 'computeCost', 'initializeParameters', 'forwardPropagation', 'model'] };
