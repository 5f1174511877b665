/**
 * Correct alternative: the loss and its gradient in a double loop over Ŷ and Y read with dataSync(), the gradient
 * written into a tf.buffer; ŷ clipped to [1e-7, 1 − 1e-7] before the log (a guard that changes nothing for ŷ in
 * float32's range of interest). freezeAndRetrain compiles first and sets the trainable flags afterwards (TensorFlow.js
 * collects the trainable weights when fit runs), through the layer list walked backwards.
 */
import * as tf from '@tensorflow/tfjs';
import { buildNetwork, type DenseWeights } from '../../../../../lib/transfer-multitask';
import type { RetrainOptions, RetrainResult } from '../../../../../exercises/course3/week2/transfer-multitask';

export function multiTaskLoss(Yhat: tf.Tensor2D, Y: tf.Tensor2D): number {
  const [tasks, m] = Y.shape;
  const p = Yhat.dataSync();
  const y = Y.dataSync();
  let total = 0;
  for (let j = 0; j < tasks; j++) {
    for (let i = 0; i < m; i++) {
      const label = y[j * m + i]!;
      if (Number.isNaN(label)) continue;
      const q = Math.min(1 - 1e-7, Math.max(1e-7, p[j * m + i]!));
      total -= label * Math.log(q) + (1 - label) * Math.log(1 - q);
    }
  }
  return total / m;
}

export function multiTaskGradient(Yhat: tf.Tensor2D, Y: tf.Tensor2D): tf.Tensor2D {
  const [tasks, m] = Y.shape;
  const p = Yhat.dataSync();
  const y = Y.dataSync();
  const out = tf.buffer([tasks, m], 'float32');
  for (let j = 0; j < tasks; j++) {
    for (let i = 0; i < m; i++) {
      const label = y[j * m + i]!;
      out.set(Number.isNaN(label) ? 0 : (p[j * m + i]! - label) / m, j, i);
    }
  }
  return out.toTensor() as tf.Tensor2D;
}

export async function freezeAndRetrain(pretrained: DenseWeights[], k: number, X: tf.Tensor2D, Y: tf.Tensor2D, options: RetrainOptions): Promise<RetrainResult> {
  const model = buildNetwork(pretrained);
  model.compile({ optimizer: tf.train.adam(options.learningRate), loss: 'binaryCrossentropy' });
  const layers = model.layers;
  for (let i = layers.length - 1, unfrozen = 0; i >= 0; i--, unfrozen++) layers[i]!.trainable = unfrozen < k;
  const history = await model.fit(X, Y, { epochs: options.epochs, batchSize: X.shape[0], shuffle: false, verbose: 0 });
  const weights = layers.map((layer) => {
    const [kernel, bias] = layer.getWeights().map((w) => w.clone());
    return { kernel: kernel as tf.Tensor2D, bias: bias as tf.Tensor1D };
  });
  const trainable = layers.map((layer) => layer.trainable);
  model.dispose();
  return { weights, trainable, losses: (history.history.loss as number[]).map(Number) };
}

export const alternative = { style: 'loops', fns: ['multiTaskLoss', 'multiTaskGradient', 'freezeAndRetrain'] };
