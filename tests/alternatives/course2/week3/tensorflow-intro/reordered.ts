/** Rearranged: softmax as exp(Z − logsumexp), one-hot by comparing a class column with the labels row, transposed forward pass, rand-then-scale draws, epoch cost summed then divided. */
import * as tf from '@tensorflow/tfjs';
import { randomMiniBatchIndices } from '../../../../../lib/datasets/signs';
import { np } from '../../../../../lib/np-random';

export type Parameters = { W1: tf.Variable; b1: tf.Variable; W2: tf.Variable; b2: tf.Variable; W3: tf.Variable; b3: tf.Variable };
export type TrainedModel = { parameters: Parameters; trainAccuracy: number; testAccuracy: number; costs: number[] };

export function softmax(Z: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const top = Z.max(0, true);
    const lse = Z.sub(top).exp().sum(0, true).log().add(top);
    return Z.sub(lse).exp() as tf.Tensor2D;
  });
}

export function oneHot(labels: tf.Tensor1D, C: number): tf.Tensor2D {
  return tf.tidy(() => {
    const classes = tf.range(0, C, 1, 'int32').reshape([C, 1]);
    const row = labels.toInt().reshape([1, -1]);
    return tf.equal(classes, row).cast('float32') as tf.Tensor2D;
  });
}

export function computeCost(logits: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar {
  // Examples as rows: per example log Σ exp(z) − z_label, then the mean.
  const Zt = logits.transpose();
  const top = Zt.max(1, true);
  const lse = Zt.sub(top).exp().sum(1).log().add(top.reshape([-1]));
  const target = Zt.mul(labels.transpose()).sum(1);
  return lse.sub(target).sum().div(logits.shape[1]) as tf.Scalar;
}

export function initializeParameters(layerDims: number[], seed = 1): Parameters {
  np.random.seed(seed);
  const vars: Partial<Parameters> = {};
  [1, 2, 3].forEach((l) => {
    const fanIn = layerDims[l - 1]!;
    const fanOut = layerDims[l]!;
    const limit = Math.sqrt(6 / (fanOut + fanIn));
    // numpy's uniform(−r, r) is −r + 2r·rand(): the same draws.
    const u = np.random.rand(fanOut * fanIn);
    const W = tf.tensor2d(u.map((x) => -limit + 2 * limit * x), [fanOut, fanIn]);
    vars[`W${l}` as keyof Parameters] = tf.variable(W);
    vars[`b${l}` as keyof Parameters] = tf.variable(tf.zerosLike(tf.ones([fanOut, 1])));
  });
  return vars as Parameters;
}

export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): tf.Tensor2D {
  // Examples as rows: Aᵀ·Wᵀ + bᵀ, transposed back at the end.
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  const H1 = tf.relu(tf.matMul(X, W1, true, true).add(b1.transpose()));
  const H2 = tf.relu(tf.matMul(H1, W2, false, true).add(b2.transpose()));
  return tf.matMul(H2, W3, false, true).add(b3.transpose()).transpose() as tf.Tensor2D;
}

function accuracy(X: tf.Tensor2D, Y: tf.Tensor2D, parameters: Parameters): number {
  return tf.tidy(() => {
    const hits = tf.equal(forwardPropagation(X, parameters).argMax(0), Y.argMax(0)).sum().dataSync()[0]!;
    return hits / X.shape[1];
  });
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
  const parameters = initializeParameters([XTrain.shape[0], 25, 12, YTrain.shape[0]]);
  const adam = tf.train.adam(learningRate);
  const costs: number[] = [];
  for (let epoch = 0; epoch < numEpochs; epoch++) {
    const batches = randomMiniBatchIndices(XTrain.shape[1], minibatchSize, 4 + epoch);
    const batchCosts = batches.map((indices) =>
      tf.tidy(() => {
        const cols = tf.tensor1d(indices, 'int32');
        const [Xb, Yb] = [XTrain.gather(cols, 1) as tf.Tensor2D, YTrain.gather(cols, 1) as tf.Tensor2D];
        return adam.minimize(() => computeCost(forwardPropagation(Xb, parameters), Yb), true)!.dataSync()[0]!;
      }),
    );
    costs.push(batchCosts.reduce((a, b) => a + b, 0) / batches.length);
    if (printCost && epoch % 10 === 0) console.log(`Cost after epoch ${epoch}: ${costs[epoch]}`);
  }
  adam.dispose();
  return { parameters, costs, testAccuracy: accuracy(XTest, YTest, parameters), trainAccuracy: accuracy(XTrain, YTrain, parameters) };
}

export const alternative = { style: 'reordered', fns: ['softmax', 'oneHot', 'computeCost', 'initializeParameters', 'forwardPropagation', 'model'] };
