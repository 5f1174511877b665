/**
 * Structuring machine learning projects, week 2 — Transfer and multi-task learning.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';
import { buildNetwork, type DenseWeights } from '../../../lib/transfer-multitask';

/** Labelled entries of Y (missing labels are NaN), and Y with its missing labels set to 0. */
function labelled(Y: tf.Tensor2D): { mask: tf.Tensor2D; y: tf.Tensor2D } {
  const mask = tf.logicalNot(tf.isNaN(Y)) as tf.Tensor2D;
  return { mask, y: tf.where(mask, Y, tf.zerosLike(Y)) as tf.Tensor2D };
}

/**
 * The multi-task cost: Ŷ and Y are [tasks, m] (one column per example); Ŷ holds
 * probabilities σ(Z), Y labels 0/1 or NaN when missing.
 *   J = (1/m) Σ_i Σ_j over labelled (j, i) of −[y·log ŷ + (1 − y)·log(1 − ŷ)]
 */
export function multiTaskLoss(Yhat: tf.Tensor2D, Y: tf.Tensor2D): number {
  return tf.tidy(() => {
    const m = Y.shape[1];
    const { mask, y } = labelled(Y);
    const losses = tf.neg(tf.add(tf.mul(y, tf.log(Yhat)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, Yhat)))));
    return tf.sum(tf.where(mask, losses, tf.zerosLike(losses))).dataSync()[0]! / m;
  });
}

/** dJ/dZ for Ŷ = σ(Z): (Ŷ − Y)/m where a label exists, 0 where it is missing. [tasks, m]. */
export function multiTaskGradient(Yhat: tf.Tensor2D, Y: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const m = Y.shape[1];
    const { mask, y } = labelled(Y);
    return tf.where(mask, tf.div(tf.sub(Yhat, y), m), tf.zerosLike(Yhat)) as tf.Tensor2D;
  });
}

export interface RetrainOptions {
  epochs: number;
  learningRate: number;
}

export interface RetrainResult {
  /** Every layer's weights after training, first to last. */
  weights: DenseWeights[];
  /** Each layer's trainable flag, first to last. */
  trainable: boolean[];
  /** The training loss after each epoch. */
  losses: number[];
}

/**
 * Transfer learning: builds the pretrained network (buildNetwork), freezes every
 * layer but the last k, compiles (Adam, binary cross-entropy) and trains on the
 * new task: X [m, nX], Y [m, 1], full batch, no shuffling.
 */
export async function freezeAndRetrain(pretrained: DenseWeights[], k: number, X: tf.Tensor2D, Y: tf.Tensor2D, options: RetrainOptions): Promise<RetrainResult> {
  const model = buildNetwork(pretrained);
  const n = model.layers.length;
  // trainable must be set before compile: compile collects the weights fit will update.
  model.layers.forEach((layer, i) => {
    layer.trainable = i >= n - k;
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
