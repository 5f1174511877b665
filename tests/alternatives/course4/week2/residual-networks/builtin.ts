/**
 * Correct alternative: the block as a functional tf.model (tf.input → layers → tf.model),
 * built once per call on X's shape and run with model.apply(X, { training }); blockSummary
 * uses the same builder and model.countParams().
 */
import * as tf from '@tensorflow/tfjs';
import type { BlockKind, BlockSummary, BlockWeights, Filters } from '../../../../../exercises/course4/week2/residual-networks';

function buildModel(inputShape: number[], f: number, [F1, F2, F3]: Filters, kind: BlockKind, s: number, w?: BlockWeights): tf.LayersModel {
  const X = tf.input({ shape: inputShape });
  const conv = (filters: number, kernelSize: number, strides: number, padding: 'same' | 'valid', cw?: { kernel: tf.Tensor; bias: tf.Tensor }) =>
    tf.layers.conv2d({ filters, kernelSize, strides, padding, kernelInitializer: tf.initializers.glorotUniform({ seed: 0 }), weights: cw ? [cw.kernel, cw.bias] : undefined });
  const bn = (bw?: { gamma: tf.Tensor; beta: tf.Tensor; movingMean: tf.Tensor; movingVariance: tf.Tensor }) =>
    tf.layers.batchNormalization({ axis: 3, weights: bw ? [bw.gamma, bw.beta, bw.movingMean, bw.movingVariance] : undefined });
  const stride = kind === 'convolutional' ? s : 1;
  const seq = (x: tf.SymbolicTensor, layers: tf.layers.Layer[]) => layers.reduce((t, l) => l.apply(t) as tf.SymbolicTensor, x);
  const main = seq(X, [
    conv(F1, 1, stride, 'valid', w?.conv1),
    bn(w?.bn1),
    tf.layers.activation({ activation: 'relu' }),
    conv(F2, f, 1, 'same', w?.conv2),
    bn(w?.bn2),
    tf.layers.activation({ activation: 'relu' }),
    conv(F3, 1, 1, 'valid', w?.conv3),
    bn(w?.bn3),
  ]);
  const shortcut = kind === 'identity' ? X : seq(X, [conv(F3, 1, s, 'valid', w?.shortcutConv), bn(w?.shortcutBn)]);
  const out = tf.layers.activation({ activation: 'relu' }).apply(tf.layers.add().apply([main, shortcut])) as tf.SymbolicTensor;
  return tf.model({ inputs: X, outputs: out });
}

function runModel(X: tf.Tensor4D, f: number, filters: Filters, kind: BlockKind, s: number, weights: BlockWeights | undefined, training: boolean): tf.Tensor4D {
  const model = buildModel(X.shape.slice(1), f, filters, kind, s, weights);
  const out = model.apply(X, { training }) as tf.Tensor4D;
  model.dispose();
  return out;
}

export function identityBlock(X: tf.Tensor4D, f: number, filters: Filters, weights?: BlockWeights, training = false): tf.Tensor4D {
  return runModel(X, f, filters, 'identity', 1, weights, training);
}

export function convolutionalBlock(X: tf.Tensor4D, f: number, filters: Filters, s = 2, weights?: BlockWeights, training = false): tf.Tensor4D {
  return runModel(X, f, filters, 'convolutional', s, weights, training);
}

export function blockSummary(inputShape: number[], f: number, filters: Filters, kind: BlockKind, s = 2): BlockSummary {
  const model = buildModel(inputShape, f, filters, kind, s);
  const total = model.countParams();
  const nonTrainableParams = model.nonTrainableWeights.reduce((n, v) => n + tf.util.sizeFromShape(v.shape as number[]), 0);
  const summary = { outputShape: (model.outputs[0]!.shape as number[]).slice(1), trainableParams: total - nonTrainableParams, nonTrainableParams };
  model.dispose();
  return summary;
}

export const alternative = { style: 'builtin', fns: ['identityBlock', 'convolutionalBlock', 'blockSummary'] };
