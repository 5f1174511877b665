/**
 * Correct alternative for trainModel: the Ty targets from tf.split along axis 1 (each [m, 1, vocab], reshaped to
 * [m, vocab]), Adam with its ε spelled out (1e-7, TensorFlow.js's own), s0 and c0 as two tensors built with
 * tf.fill, and the losses read from the History one epoch at a time. The attention step and modelf are the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import { nmtLayers, nmtWeights, type NmtDims } from '../../../../../lib/nmt-utils';
import { modelf, type TrainResult } from '../../../../../solutions/course5/week3/attention';

export * from '../../../../../solutions/course5/week3/attention';

export async function trainModel(Xoh: tf.Tensor3D, Yoh: tf.Tensor3D, dims: NmtDims, epochs: number, batchSize: number): Promise<TrainResult> {
  const layers = nmtLayers(dims);
  const inputs = [tf.input({ shape: [dims.Tx, dims.humanVocabSize] }), tf.input({ shape: [dims.nS] }), tf.input({ shape: [dims.nS] })];
  const [outputs] = modelf(inputs[0]!, inputs[1]!, inputs[2]!, layers, dims.Ty);
  const model = tf.model({ inputs, outputs: outputs as tf.SymbolicTensor[] });
  const adam = tf.train.adam(0.005, 0.9, 0.999, 1e-7);
  model.compile({ optimizer: adam, loss: Array.from({ length: dims.Ty }, () => 'categoricalCrossentropy') });
  const m = Xoh.shape[0];
  const targets = tf.split(Yoh, dims.Ty, 1).map((t) => t.reshape([m, dims.machineVocabSize]));
  const s0 = tf.fill([m, dims.nS], 0);
  const c0 = tf.fill([m, dims.nS], 0);
  const history = await model.fit([Xoh, s0, c0], targets, { epochs, batchSize, shuffle: false, verbose: 0 });
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) losses.push(Number(history.history.loss![e]));
  return { losses, weights: nmtWeights(layers) };
}

export const alternative = { style: 'builtin', fns: ['trainModel'] };
