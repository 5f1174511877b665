import * as tf from '@tensorflow/tfjs';
import { buildNetwork, type DenseWeights } from '../../../../../lib/transfer-multitask';
import type { RetrainOptions, RetrainResult } from '../../../../../solutions/course3/week2/transfer-multitask';
export * from '../../../../../solutions/course3/week2/transfer-multitask';

export const mutant = { fn: 'freezeAndRetrain', hint: 'Only the first k layers are frozen; k is the number of layers to retrain: freeze all but the last k (layers 0 … n − k − 1).' };

export async function freezeAndRetrain(pretrained: DenseWeights[], k: number, X: tf.Tensor2D, Y: tf.Tensor2D, options: RetrainOptions): Promise<RetrainResult> {
  const model = buildNetwork(pretrained);
  const n = model.layers.length;
  model.layers.forEach((layer, i) => {
    void n;
    layer.trainable = i >= k;
  });
  model.compile({ optimizer: tf.train.adam(options.learningRate), loss: 'binaryCrossentropy' });
  const history = await model.fit(X, Y, { epochs: options.epochs, batchSize: X.shape[0], shuffle: false, verbose: 0 });
  const weights = model.layers.map((layer) => {
    const [kernel, bias] = layer.getWeights();
    return { kernel: kernel!.clone() as tf.Tensor2D, bias: bias!.clone() as tf.Tensor1D };
  });
  const trainable = model.layers.map((layer) => layer.trainable);
  model.dispose();
  return { weights, trainable, losses: history.history.loss as number[] };
}
