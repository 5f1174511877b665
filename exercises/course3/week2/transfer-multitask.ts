/**
 * Structuring machine learning projects, week 2 — Transfer and multi-task learning.
 * Read transfer-multitask.md first. Grade your work with: npm run grade -- course3/week2/transfer-multitask
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';
import { buildNetwork, type DenseWeights } from '../../../lib/transfer-multitask';

// Used by the function you write; `void` keeps the linter quiet until you do.
void buildNetwork;
void tf;

/**
 * The multi-task cost: Ŷ and Y are [tasks, m] (one column per example); Ŷ holds
 * probabilities σ(Z), Y labels 0/1 or NaN when missing.
 *   J = (1/m) Σ_i Σ_j over labelled (j, i) of −[y·log ŷ + (1 − y)·log(1 − ŷ)]
 * m is the number of examples (columns), not the number of labels. tf.isNaN(Y)
 * marks the missing labels; tf.where(mask, a, b) keeps them out (NaN · 0 is NaN).
 * Return the cost as a number.
 */
export function multiTaskLoss(Yhat: tf.Tensor2D, Y: tf.Tensor2D): number {
  return notImplemented('multiTaskLoss');
}

/**
 * dJ/dZ for Ŷ = σ(Z): (Ŷ − Y)/m where a label exists, 0 where it is missing. [tasks, m].
 * The gradient with respect to the logits Z, not the probabilities Ŷ.
 */
export function multiTaskGradient(Yhat: tf.Tensor2D, Y: tf.Tensor2D): tf.Tensor2D {
  return notImplemented('multiTaskGradient');
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
 *
 *   1. model = buildNetwork(pretrained); its layers are model.layers, first to last.
 *   2. layer.trainable = false for the first n − k layers, before model.compile.
 *   3. model.compile({ optimizer: tf.train.adam(learningRate), loss: 'binaryCrossentropy' }).
 *   4. await model.fit(X, Y, { epochs, batchSize: m, shuffle: false }).
 *   5. Return each layer's [kernel, bias] (layer.getWeights(), cloned before model.dispose()),
 *      each layer's trainable flag, and history.history.loss.
 */
export async function freezeAndRetrain(pretrained: DenseWeights[], k: number, X: tf.Tensor2D, Y: tf.Tensor2D, options: RetrainOptions): Promise<RetrainResult> {
  return notImplemented('freezeAndRetrain');
}
