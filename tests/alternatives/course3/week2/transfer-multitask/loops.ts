/** Correct alternative, course style: arraySync() and float64 loops; training with plain for-loops over the layers. */
import * as tf from '@tensorflow/tfjs';
import { buildNetwork, type DenseWeights } from '../../../../../lib/transfer-multitask';
import type { RetrainOptions, RetrainResult } from '../../../../../exercises/course3/week2/transfer-multitask';

export function multiTaskLoss(Yhat: tf.Tensor2D, Y: tf.Tensor2D): number {
  const p = Yhat.arraySync();
  const y = Y.arraySync();
  const tasks = y.length;
  const m = Y.shape[1];
  let total = 0;
  for (let j = 0; j < tasks; j++) {
    for (let i = 0; i < m; i++) {
      const label = y[j]![i]!;
      if (Number.isNaN(label)) continue;
      const prob = p[j]![i]!;
      total += label === 1 ? -Math.log(prob) : label === 0 ? -Math.log(1 - prob) : -(label * Math.log(prob) + (1 - label) * Math.log(1 - prob));
    }
  }
  return total / m;
}

export function multiTaskGradient(Yhat: tf.Tensor2D, Y: tf.Tensor2D): tf.Tensor2D {
  const p = Yhat.arraySync();
  const y = Y.arraySync();
  const [tasks, m] = Y.shape;
  const out: number[][] = [];
  for (let j = 0; j < tasks; j++) {
    const row: number[] = [];
    for (let i = 0; i < m; i++) {
      const label = y[j]![i]!;
      row.push(Number.isNaN(label) ? 0 : (p[j]![i]! - label) / m);
    }
    out.push(row);
  }
  return tf.tensor2d(out, [tasks, m], 'float32');
}

export async function freezeAndRetrain(pretrained: DenseWeights[], k: number, X: tf.Tensor2D, Y: tf.Tensor2D, options: RetrainOptions): Promise<RetrainResult> {
  const model = buildNetwork(pretrained);
  const layers = model.layers;
  const firstTrainable = layers.length - k;
  for (let i = 0; i < layers.length; i++) {
    if (i < firstTrainable) layers[i]!.trainable = false;
  }
  model.compile({ optimizer: tf.train.adam(options.learningRate), loss: 'binaryCrossentropy' });
  const m = X.shape[0];
  const history = await model.fit(X, Y, { epochs: options.epochs, batchSize: m, shuffle: false, verbose: 0 });
  const weights: DenseWeights[] = [];
  const trainable: boolean[] = [];
  for (let i = 0; i < layers.length; i++) {
    const w = layers[i]!.getWeights();
    weights.push({ kernel: tf.tensor2d(w[0]!.arraySync() as number[][]), bias: tf.tensor1d(w[1]!.arraySync() as number[]) });
    trainable.push(layers[i]!.trainable);
  }
  const losses: number[] = [];
  const raw = history.history.loss!;
  for (let e = 0; e < raw.length; e++) losses.push(Number(raw[e]));
  model.dispose();
  return { weights, trainable, losses };
}

export const alternative = { style: 'loops', fns: ['multiTaskLoss', 'multiTaskGradient', 'freezeAndRetrain'] };
