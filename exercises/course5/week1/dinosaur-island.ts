/**
 * Sequence models, week 1 — Character-level language model ("dinosaur island").
 * Read dinosaur-island.md first. Grade your work with: npm run grade -- course5/week1/dinosaur-island
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 *
 * One name at a time: X is the list of character indices with null first (no
 * previous character), Y the same list shifted by one and ended by the newline
 * index. Parameters { Wax, Waa, Wya, b, by }; x⟨t⟩ is a one-hot column.
 * The course's helpers are in lib/dinosaur-utils.ts (imported below).
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';
import { np } from '../../../lib/np-random';
import {
  getInitialLoss,
  getSample,
  initializeParameters,
  rnnBackward,
  rnnForward,
  smooth,
  softmax,
  updateParameters,
  type CharGradients,
  type CharParameters,
} from '../../../lib/dinosaur-utils';

export type { CharGradients, CharParameters };

/** Every gradient clipped element-wise to [−maxValue, maxValue], as new tensors. */
export function clip(gradients: CharGradients, maxValue: number): CharGradients {
  return notImplemented('clip');
}

/**
 * Samples a name: from a = 0 and x = 0 repeatedly a = tanh(Wax·x + Waa·a + b),
 * y = softmax(Wya·a + by), np.random.seed(counter + seed) (as the course: counter
 * counts the draws, and seed also grows by one after each), an index drawn with
 * np.random.choice(vocabSize, { p: y }), x its one-hot column — until the newline
 * index is drawn or 50 characters are drawn (then the newline index is appended).
 */
export function sample(parameters: CharParameters, charToIx: Record<string, number>, seed: number): number[] {
  return notImplemented('sample');
}

/**
 * One step of training on one name: forward (loss), backward through time, clip
 * the gradients to [−5, 5], update. Returns [loss, gradients (clipped), aLast,
 * parameters (updated)], aLast being the hidden state of the last step.
 */
export function optimize(
  X: (number | null)[],
  Y: number[],
  aPrev: tf.Tensor2D,
  parameters: CharParameters,
  learningRate = 0.01,
): [number, CharGradients, tf.Tensor2D, CharParameters] {
  return notImplemented('optimize');
}

export type ModelResult = { parameters: CharParameters; losses: number[]; lastDinoName: string };

/**
 * Trains on the names (one per iteration, in the order np.random.seed(0) then
 * np.random.shuffle gives), carrying the hidden state from name to name, at
 * learning rate 0.01. losses[j] is the smoothed loss after iteration j, from
 * getInitialLoss(vocabSize, dinoNames). Every printEvery iterations prints the
 * loss and dinoNames sampled names (seeds 0, 1, …).
 */
export function model(
  data: string[],
  ixToChar: Record<number, string>,
  charToIx: Record<string, number>,
  numIterations = 35000,
  nA = 50,
  dinoNames = 7,
  printEvery = 2000,
): ModelResult {
  return notImplemented('model');
}
