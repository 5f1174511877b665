/**
 * Course 4, week 2 — Residual networks.
 *
 * Build the two blocks a ResNet is stacked from, with TensorFlow.js layers: the
 * identity block (its input and output have the same shape) and the
 * convolutional block (a conv and a batch norm on the shortcut change the shape).
 * Read residual-networks.md first. Grade your work with: npm run grade -- course4/week2/residual-networks
 *
 * Conventions, as in the course: images are [m, nH, nW, nC], channels last.
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';

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

/*
 * Layers you will need (each is created once, then applied with `layer.apply(x, { training })`,
 * where x is a tf.Tensor — or a tf.SymbolicTensor from tf.input, for blockSummary):
 *
 *   tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same' | 'valid', weights? })
 *   tf.layers.batchNormalization({ axis: 3, weights? })    // axis 3: one gamma/beta/mean/variance per channel
 *   tf.layers.activation({ activation: 'relu' })
 *   tf.layers.add().apply([a, b])                           // the skip connection
 *
 * `weights` in a layer's config sets its weights when it is built, in the layer's order:
 * conv2d [kernel, bias], batchNormalization [gamma, beta, movingMean, movingVariance].
 * When the block's `weights` argument is not given, leave them out (the layers initialise
 * themselves; `kernelInitializer: tf.initializers.glorotUniform({ seed: 0 })` as in the course).
 * Pass `{ training }` to every apply: batch norm uses the batch's statistics when training is
 * true, its moving mean and variance when it is false. A small helper that builds and applies
 * one CONV → BATCHNORM (→ RELU) stage saves a lot of typing.
 */

/**
 * Exercise 1 — the identity block. Save the input X as the shortcut, then the main path:
 *   CONV2D (F1 filters, 1×1, stride 1, 'valid') → BATCHNORM (bn1) → RELU
 *   → CONV2D (F2, f×f, stride 1, 'same')        → BATCHNORM (bn2) → RELU
 *   → CONV2D (F3, 1×1, stride 1, 'valid')       → BATCHNORM (bn3)
 * then ADD the shortcut X to it, and only then the final RELU.
 * X is [m, nH, nW, nC] with nC = F3; the output has the same shape.
 * weights, when given, holds conv1/bn1, conv2/bn2, conv3/bn3 (see BlockWeights).
 */
export function identityBlock(X: tf.Tensor4D, f: number, filters: Filters, weights?: BlockWeights, training = false): tf.Tensor4D {
  return notImplemented('identityBlock');
}

/**
 * Exercise 2 — the convolutional block: the identity block's main path, but its
 * first conv has stride s, and the shortcut is no longer X itself:
 *   shortcut = CONV2D (F3, 1×1, stride s, 'valid') → BATCHNORM   (shortcutConv, shortcutBn)
 * so that both paths are [m, ⌊(nH − 1)/s⌋ + 1, ⌊(nW − 1)/s⌋ + 1, F3] when added.
 * Then ADD → RELU, as before.
 */
export function convolutionalBlock(X: tf.Tensor4D, f: number, filters: Filters, s = 2, weights?: BlockWeights, training = false): tf.Tensor4D {
  return notImplemented('convolutionalBlock');
}

/**
 * Exercise 3 — the block of the given kind on an input of shape inputShape = [nH, nW, nC]
 * (no batch dimension; for 'identity', nC = F3; s is used by 'convolutional' only):
 * its output shape [nH′, nW′, nC′] and its trainable and non-trainable parameter counts.
 * Build it on `tf.input({ shape: inputShape })` and make a `tf.model({ inputs, outputs })`:
 * `model.trainableWeights` and `model.nonTrainableWeights` list its weights (each has a
 * `.shape`), `output.shape` is [null, nH′, nW′, nC′]. Counting by hand works too.
 */
export function blockSummary(inputShape: number[], f: number, filters: Filters, kind: BlockKind, s = 2): BlockSummary {
  return notImplemented('blockSummary');
}
