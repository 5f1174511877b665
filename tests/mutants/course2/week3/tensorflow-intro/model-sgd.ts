import * as tf from '@tensorflow/tfjs';
import { randomMiniBatchIndices } from '../../../../../lib/datasets/signs';
import { computeCost, forwardPropagation, initializeParameters, type Parameters, type TrainedModel } from '../../../../../solutions/course2/week3/tensorflow-intro';
export * from '../../../../../solutions/course2/week3/tensorflow-intro';

export const mutant = { fn: 'model', hint: 'The optimizer is plain gradient descent: this model trains with Adam, tf.train.adam(learningRate).' };

function accuracy(X: tf.Tensor2D, Y: tf.Tensor2D, parameters: Parameters): number {
  return tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(forwardPropagation(X, parameters), 0), tf.argMax(Y, 0)), 'float32')).dataSync()[0]!);
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
  const C = YTrain.shape[0];
  const parameters = initializeParameters([nX, 25, 12, C]);
  const optimizer = tf.train.sgd(learningRate);
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
