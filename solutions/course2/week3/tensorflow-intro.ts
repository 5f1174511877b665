/**
 * Course 2, week 3 — Softmax and a TensorFlow.js classifier.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';
import { randomMiniBatchIndices } from '../../../lib/datasets/signs';
import { np } from '../../../lib/np-random';

export type Parameters = {
  W1: tf.Variable;
  b1: tf.Variable;
  W2: tf.Variable;
  b2: tf.Variable;
  W3: tf.Variable;
  b3: tf.Variable;
};

export type TrainedModel = {
  parameters: Parameters;
  trainAccuracy: number;
  testAccuracy: number;
  costs: number[];
};

/** Softmax over the classes (rows) of each example (column): Z is [C, m]; stable for large logits. */
export function softmax(Z: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const shifted = tf.sub(Z, tf.max(Z, 0, true));
    const e = tf.exp(shifted);
    return tf.div(e, tf.sum(e, 0, true)) as tf.Tensor2D;
  });
}

/** Class indices [m] (int32) → a one-hot [C, m] float32 matrix: column j has its 1 in row labels[j]. */
export function oneHot(labels: tf.Tensor1D, C: number): tf.Tensor2D {
  return tf.tidy(() => tf.transpose(tf.oneHot(tf.cast(labels, 'int32'), C)).toFloat() as tf.Tensor2D);
}

/** The mean softmax cross-entropy of logits Z3 [C, m] against one-hot labels Y [C, m], as a scalar tensor. */
export function computeCost(logits: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar {
  return tf.losses.softmaxCrossEntropy(tf.transpose(labels), tf.transpose(logits)) as tf.Scalar;
}

/**
 * Glorot (Xavier) uniform weights, zero biases, as tf.Variables, for a
 * LINEAR → RELU → LINEAR → RELU → LINEAR network of sizes layerDims = [nX, n1, n2, C].
 * np.random.seed(seed), then for l = 1, 2, 3: Wl = uniform(−r, r) of shape
 * [n_l, n_{l−1}] with r = √(6 / (n_{l−1} + n_l)).
 */
export function initializeParameters(layerDims: number[], seed = 1): Parameters {
  np.random.seed(seed);
  const params: Record<string, tf.Variable> = {};
  for (let l = 1; l <= 3; l++) {
    const [fanIn, fanOut] = [layerDims[l - 1]!, layerDims[l]!];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    params[`W${l}`] = tf.variable(tf.tensor2d(np.random.uniform(-limit, limit, fanOut * fanIn), [fanOut, fanIn]));
    params[`b${l}`] = tf.variable(tf.zeros([fanOut, 1]));
  }
  return params as Parameters;
}

/** Z1 = W1·X + b1, A1 = relu(Z1), Z2 = W2·A1 + b2, A2 = relu(Z2), Z3 = W3·A2 + b3: returns the logits Z3 [C, m]. */
export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): tf.Tensor2D {
  return tf.tidy(() => {
    const { W1, b1, W2, b2, W3, b3 } = parameters;
    const A1 = tf.relu(tf.add(tf.matMul(W1, X), b1));
    const A2 = tf.relu(tf.add(tf.matMul(W2, A1), b2));
    return tf.add(tf.matMul(W3, A2), b3) as tf.Tensor2D;
  });
}

/** The share of examples whose largest logit is the class of their one-hot label. */
function accuracy(X: tf.Tensor2D, Y: tf.Tensor2D, parameters: Parameters): number {
  return tf.tidy(() => {
    const predicted = tf.argMax(forwardPropagation(X, parameters), 0);
    const actual = tf.argMax(Y, 0);
    return tf.mean(tf.cast(tf.equal(predicted, actual), 'float32')).dataSync()[0]!;
  });
}

/**
 * Trains the 3-layer network [nX, 25, 12, C] with Adam on mini-batches.
 * Epoch e (from 0) shuffles with randomMiniBatchIndices(m, minibatchSize, seed) where
 * seed = 3 + e + 1 (the course starts at 3 and adds 1 before each epoch); the epoch's
 * cost is the mean of its mini-batch costs, each taken before that batch's update.
 */
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
  const [nX, m] = XTrain.shape;
  const C = YTrain.shape[0];
  const parameters = initializeParameters([nX, 25, 12, C]);
  const optimizer = tf.train.adam(learningRate);
  const costs: number[] = [];
  let seed = 3;
  for (let epoch = 0; epoch < numEpochs; epoch++) {
    seed += 1;
    const batches = randomMiniBatchIndices(m, minibatchSize, seed);
    let epochCost = 0;
    for (const indices of batches) {
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(indices, 'int32');
        const Xb = tf.gather(XTrain, idx, 1) as tf.Tensor2D;
        const Yb = tf.gather(YTrain, idx, 1) as tf.Tensor2D;
        return optimizer.minimize(() => computeCost(forwardPropagation(Xb, parameters), Yb), true)!;
      });
      epochCost += cost.dataSync()[0]! / batches.length;
      cost.dispose();
    }
    costs.push(epochCost);
    if (printCost && epoch % 10 === 0) console.log(`Cost after epoch ${epoch}: ${epochCost}`);
  }
  optimizer.dispose();
  return {
    parameters,
    trainAccuracy: accuracy(XTrain, YTrain, parameters),
    testAccuracy: accuracy(XTest, YTest, parameters),
    costs,
  };
}
