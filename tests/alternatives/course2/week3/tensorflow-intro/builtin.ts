/** Built-ins: tf.softmax and tf.logSoftmax on the transposes, tf.oneHot, tf.fused.matMul with relu, tf.metrics.categoricalAccuracy. */
import * as tf from '@tensorflow/tfjs';
import { randomMiniBatchIndices } from '../../../../../lib/datasets/signs';
import { np } from '../../../../../lib/np-random';

export type Parameters = { W1: tf.Variable; b1: tf.Variable; W2: tf.Variable; b2: tf.Variable; W3: tf.Variable; b3: tf.Variable };
export type TrainedModel = { parameters: Parameters; trainAccuracy: number; testAccuracy: number; costs: number[] };

export function softmax(Z: tf.Tensor2D): tf.Tensor2D {
  // tf.softmax normalises the last axis: put the classes there and back.
  return tf.tidy(() => tf.softmax(Z.transpose()).transpose() as tf.Tensor2D);
}

export function oneHot(labels: tf.Tensor1D, C: number): tf.Tensor2D {
  return tf.tidy(() => tf.oneHot(labels.toInt(), C).toFloat().transpose() as tf.Tensor2D);
}

export function computeCost(logits: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar {
  const logProbs = tf.logSoftmax(logits.transpose());
  return tf.neg(tf.mean(tf.sum(tf.mul(labels.transpose(), logProbs), 1))) as tf.Scalar;
}

export function initializeParameters(layerDims: number[], seed = 1): Parameters {
  np.random.seed(seed);
  const out: Record<string, tf.Variable> = {};
  for (let l = 1; l <= 3; l++) {
    const shape: [number, number] = [layerDims[l]!, layerDims[l - 1]!];
    const r = Math.sqrt(6 / (shape[0] + shape[1]));
    const buf = tf.buffer(shape, 'float32', Float32Array.from(np.random.uniform(-r, r, shape[0] * shape[1])));
    out[`W${l}`] = tf.variable(buf.toTensor());
    out[`b${l}`] = tf.variable(tf.zeros([shape[0], 1]));
  }
  return out as Parameters;
}

export function forwardPropagation(X: tf.Tensor2D, parameters: Parameters): tf.Tensor2D {
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  const A1 = tf.fused.matMul({ a: W1, b: X, bias: b1, activation: 'relu' });
  const A2 = tf.fused.matMul({ a: W2, b: A1, bias: b2, activation: 'relu' });
  return tf.fused.matMul({ a: W3, b: A2, bias: b3 }) as tf.Tensor2D;
}

function accuracy(X: tf.Tensor2D, Y: tf.Tensor2D, parameters: Parameters): number {
  return tf.tidy(() => tf.mean(tf.metrics.categoricalAccuracy(Y.transpose(), forwardPropagation(X, parameters).transpose())).dataSync()[0]!);
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
  const [nX, m] = XTrain.shape;
  const parameters = initializeParameters([nX, 25, 12, YTrain.shape[0]]);
  const optimizer = tf.train.adam(learningRate);
  const costs: number[] = [];
  let seed = 3;
  for (let epoch = 0; epoch < numEpochs; epoch++) {
    seed++;
    const batches = randomMiniBatchIndices(m, minibatchSize, seed);
    const epochCost = tf.tidy(() => {
      const perBatch = batches.map((indices) => {
        const idx = tf.tensor1d(indices, 'int32');
        const Xb = tf.gather(XTrain, idx, 1) as tf.Tensor2D;
        const Yb = tf.gather(YTrain, idx, 1) as tf.Tensor2D;
        return optimizer.minimize(() => computeCost(forwardPropagation(Xb, parameters), Yb), true)!;
      });
      return tf.mean(tf.stack(perBatch)).dataSync()[0]!;
    });
    costs.push(epochCost);
    if (printCost && epoch % 10 === 0) console.log(`Cost after epoch ${epoch}: ${epochCost}`);
  }
  optimizer.dispose();
  return { parameters, trainAccuracy: accuracy(XTrain, YTrain, parameters), testAccuracy: accuracy(XTest, YTest, parameters), costs };
}

export const alternative = { style: 'builtin', fns: ['softmax', 'oneHot', 'computeCost', 'initializeParameters', 'forwardPropagation', 'model'] };
