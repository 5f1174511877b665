/** Correct alternative: tf.losses.logLoss with a weight mask, tf.grad of tf.losses.sigmoidCrossEntropy, model.getWeights(). */
import * as tf from '@tensorflow/tfjs';
import { buildNetwork, type DenseWeights } from '../../../../../lib/transfer-multitask';
import type { RetrainOptions, RetrainResult } from '../../../../../exercises/course3/week2/transfer-multitask';

function maskAndLabels(Y: tf.Tensor2D): { weights: tf.Tensor2D; labels: tf.Tensor2D } {
  const isLabelled = tf.logicalNot(tf.isNaN(Y));
  return { weights: tf.cast(isLabelled, 'float32') as tf.Tensor2D, labels: tf.where(isLabelled, Y, 0) as tf.Tensor2D };
}

export function multiTaskLoss(Yhat: tf.Tensor2D, Y: tf.Tensor2D): number {
  return tf.tidy(() => {
    const { weights, labels } = maskAndLabels(Y);
    const summed = tf.losses.logLoss(labels, Yhat, weights, undefined, tf.Reduction.SUM);
    return tf.div(summed, Y.shape[1]).dataSync()[0]!;
  });
}

export function multiTaskGradient(Yhat: tf.Tensor2D, Y: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const { weights, labels } = maskAndLabels(Y);
    const m = Y.shape[1];
    // Back to the logits, and let TensorFlow.js differentiate the masked cost.
    const Z = tf.sub(tf.log(Yhat), tf.log1p(tf.neg(Yhat)));
    const cost = (z: tf.Tensor) => tf.div(tf.losses.sigmoidCrossEntropy(labels, z, weights, 0, tf.Reduction.SUM), m) as tf.Scalar;
    return tf.grad(cost)(Z) as tf.Tensor2D;
  });
}

export async function freezeAndRetrain(pretrained: DenseWeights[], k: number, X: tf.Tensor2D, Y: tf.Tensor2D, options: RetrainOptions): Promise<RetrainResult> {
  const model = buildNetwork(pretrained);
  const n = model.layers.length;
  for (const [i, layer] of model.layers.entries()) layer.trainable = n - i <= k;
  model.compile({ optimizer: tf.train.adam(options.learningRate), loss: tf.metrics.binaryCrossentropy });
  const h = await model.fit(X, Y, { epochs: options.epochs, batchSize: X.shape[0], shuffle: false, verbose: 0 });
  // model.getWeights() lists the trainable weights first: read each layer by its name instead.
  const weights = model.layers.map((_, i) => {
    const [kernel, bias] = model.getLayer(model.layers[i]!.name).getWeights();
    return { kernel: kernel!.clone() as tf.Tensor2D, bias: bias!.clone() as tf.Tensor1D };
  });
  const trainable = model.layers.map((l) => l.trainable);
  const losses = h.history.loss!.map(Number);
  model.dispose();
  return { weights, trainable, losses };
}

export const alternative = { style: 'builtin', fns: ['multiTaskLoss', 'multiTaskGradient', 'freezeAndRetrain'] };
