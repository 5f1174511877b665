/**
 * Convolutional neural networks, week 2 — Residual networks.
 * Reference solution.
 *
 * The two blocks a ResNet is stacked from, built with TensorFlow.js layers and
 * applied to a concrete input: the identity block (input and output of the same
 * shape) and the convolutional block (a conv and batch norm on the shortcut, to
 * change the shape). Images are [m, nH, nW, nC], channels last.
 */
import * as tf from '@tensorflow/tfjs';

/** [F1, F2, F3]: the number of filters of the main path's three convolutions. */
export type Filters = [F1: number, F2: number, F3: number];

/** A Conv2D layer's weights: kernel [f, f, nC_prev, nC], bias [nC]. */
export interface ConvWeights {
  kernel: tf.Tensor4D;
  bias: tf.Tensor1D;
}

/** A BatchNormalization layer's weights, each [nC]: gamma and beta are trained, the moving statistics are not. */
export interface BatchNormWeights {
  gamma: tf.Tensor1D;
  beta: tf.Tensor1D;
  movingMean: tf.Tensor1D;
  movingVariance: tf.Tensor1D;
}

/**
 * The weights of a block, layer by layer: conv1/bn1 → conv2/bn2 → conv3/bn3 on the
 * main path; shortcutConv/shortcutBn on the convolutional block's shortcut.
 */
export interface BlockWeights {
  conv1: ConvWeights;
  bn1: BatchNormWeights;
  conv2: ConvWeights;
  bn2: BatchNormWeights;
  conv3: ConvWeights;
  bn3: BatchNormWeights;
  shortcutConv?: ConvWeights;
  shortcutBn?: BatchNormWeights;
}

export type BlockKind = 'identity' | 'convolutional';

/** What blockSummary reports. outputShape leaves out the batch dimension: [nH, nW, nC]. */
export interface BlockSummary {
  outputShape: number[];
  trainableParams: number;
  nonTrainableParams: number;
}

type Input = tf.Tensor | tf.SymbolicTensor;

function conv2d(filters: number, kernelSize: number, strides: number, padding: 'same' | 'valid', w?: ConvWeights): tf.layers.Layer {
  return tf.layers.conv2d({
    filters,
    kernelSize,
    strides,
    padding,
    kernelInitializer: tf.initializers.glorotUniform({ seed: 0 }),
    ...(w ? { weights: [w.kernel, w.bias] } : {}),
  });
}

function batchNorm(w?: BatchNormWeights): tf.layers.Layer {
  return tf.layers.batchNormalization({
    axis: 3,
    ...(w ? { weights: [w.gamma, w.beta, w.movingMean, w.movingVariance] } : {}),
  });
}

/** Applies layers in order, collecting them so they can be disposed afterwards. */
function chain(x: Input, layers: tf.layers.Layer[], used: tf.layers.Layer[], training: boolean): Input {
  for (const layer of layers) {
    used.push(layer);
    x = layer.apply(x, { training }) as Input;
  }
  return x;
}

/** The block on a concrete tensor or a symbolic input; `used` collects its layers. */
function block(X: Input, f: number, filters: Filters, kind: BlockKind, s: number, weights: BlockWeights | undefined, training: boolean, used: tf.layers.Layer[]): Input {
  const [F1, F2, F3] = filters;
  const w = weights;
  const stride = kind === 'convolutional' ? s : 1;
  const relu = () => tf.layers.activation({ activation: 'relu' });
  let main = chain(X, [conv2d(F1, 1, stride, 'valid', w?.conv1), batchNorm(w?.bn1), relu()], used, training);
  main = chain(main, [conv2d(F2, f, 1, 'same', w?.conv2), batchNorm(w?.bn2), relu()], used, training);
  main = chain(main, [conv2d(F3, 1, 1, 'valid', w?.conv3), batchNorm(w?.bn3)], used, training);
  const shortcut = kind === 'convolutional' ? chain(X, [conv2d(F3, 1, s, 'valid', w?.shortcutConv), batchNorm(w?.shortcutBn)], used, training) : X;
  const add = tf.layers.add();
  used.push(add);
  return chain(add.apply([main, shortcut] as tf.Tensor[]) as Input, [relu()], used, training);
}

function applyBlock(X: tf.Tensor4D, f: number, filters: Filters, kind: BlockKind, s: number, weights: BlockWeights | undefined, training: boolean): tf.Tensor4D {
  const used: tf.layers.Layer[] = [];
  const out = block(X, f, filters, kind, s, weights, training, used) as tf.Tensor4D;
  for (const layer of used) layer.dispose();
  return out;
}

/**
 * The identity block: the main path
 *   CONV2D (F1, 1×1, 'valid') → BATCHNORM → RELU
 *   → CONV2D (F2, f×f, 'same') → BATCHNORM → RELU
 *   → CONV2D (F3, 1×1, 'valid') → BATCHNORM
 * then ADD the input X (the shortcut) → RELU. X is [m, nH, nW, F3]; so is the output.
 */
export function identityBlock(X: tf.Tensor4D, f: number, filters: Filters, weights?: BlockWeights, training = false): tf.Tensor4D {
  return applyBlock(X, f, filters, 'identity', 1, weights, training);
}

/**
 * The convolutional block: the identity block's main path with stride s on its
 * first conv, and on the shortcut CONV2D (F3, 1×1, stride s, 'valid') → BATCHNORM,
 * so both paths are [m, ⌊(nH − 1)/s⌋ + 1, ⌊(nW − 1)/s⌋ + 1, F3] when added.
 */
export function convolutionalBlock(X: tf.Tensor4D, f: number, filters: Filters, s = 2, weights?: BlockWeights, training = false): tf.Tensor4D {
  return applyBlock(X, f, filters, 'convolutional', s, weights, training);
}

/**
 * The block built on a symbolic input of shape inputShape = [nH, nW, nC], as a
 * tf.model: its output shape (without the batch dimension) and its trainable and
 * non-trainable parameter counts.
 */
export function blockSummary(inputShape: number[], f: number, filters: Filters, kind: BlockKind, s = 2): BlockSummary {
  const used: tf.layers.Layer[] = [];
  const input = tf.input({ shape: inputShape });
  const output = block(input, f, filters, kind, s, undefined, false, used) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  const count = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
  const summary = {
    outputShape: output.shape.slice(1) as number[],
    trainableParams: count(model.trainableWeights),
    nonTrainableParams: count(model.nonTrainableWeights),
  };
  model.dispose();
  return summary;
}
