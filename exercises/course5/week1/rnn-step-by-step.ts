/**
 * Sequence models, week 1 — Building a recurrent network step by step.
 * Read rnn-step-by-step.md first. Grade your work with: npm run grade -- course5/week1/rnn-step-by-step
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 *
 * Shapes as the course: x is [nX, m, Tx], hidden states a are [nA, m, Tx],
 * predictions are [nY, m, Tx]; the softmax runs over the first axis.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';
// Given, as in the course's rnn_utils: softmax over the first axis (each column one example).
import { softmax } from '../../../lib/rnn-utils';

export type RnnParameters = { Waa: tf.Tensor2D; Wax: tf.Tensor2D; Wya: tf.Tensor2D; ba: tf.Tensor2D; by: tf.Tensor2D };
export type LstmParameters = {
  Wf: tf.Tensor2D; bf: tf.Tensor2D; Wi: tf.Tensor2D; bi: tf.Tensor2D; Wc: tf.Tensor2D; bc: tf.Tensor2D;
  Wo: tf.Tensor2D; bo: tf.Tensor2D; Wy: tf.Tensor2D; by: tf.Tensor2D;
};
export type GruParameters = { Wu: tf.Tensor2D; bu: tf.Tensor2D; Wr: tf.Tensor2D; br: tf.Tensor2D; Wc: tf.Tensor2D; bc: tf.Tensor2D; Wy: tf.Tensor2D; by: tf.Tensor2D };

/** [aNext, aPrev, xt, parameters] */
export type RnnCache = [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, RnnParameters];
/** [aNext, cNext, aPrev, cPrev, ft, it, cct, ot, xt, parameters] */
export type LstmCache = [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, LstmParameters];
/** [cNext, cPrev, gu, gr, cct, xt, parameters] */
export type GruCache = [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, GruParameters];

export type RnnCellGradients = { dxt: tf.Tensor2D; daPrev: tf.Tensor2D; dWax: tf.Tensor2D; dWaa: tf.Tensor2D; dba: tf.Tensor2D };
export type RnnGradients = { dx: tf.Tensor3D; da0: tf.Tensor2D; dWax: tf.Tensor2D; dWaa: tf.Tensor2D; dba: tf.Tensor2D };
export type LstmCellGradients = {
  dxt: tf.Tensor2D; daPrev: tf.Tensor2D; dcPrev: tf.Tensor2D;
  dWf: tf.Tensor2D; dWi: tf.Tensor2D; dWc: tf.Tensor2D; dWo: tf.Tensor2D;
  dbf: tf.Tensor2D; dbi: tf.Tensor2D; dbc: tf.Tensor2D; dbo: tf.Tensor2D;
};
export type LstmGradients = {
  dx: tf.Tensor3D; da0: tf.Tensor2D;
  dWf: tf.Tensor2D; dWi: tf.Tensor2D; dWc: tf.Tensor2D; dWo: tf.Tensor2D;
  dbf: tf.Tensor2D; dbi: tf.Tensor2D; dbc: tf.Tensor2D; dbo: tf.Tensor2D;
};
export type GruCellGradients = { dxt: tf.Tensor2D; dcPrev: tf.Tensor2D; dWu: tf.Tensor2D; dbu: tf.Tensor2D; dWr: tf.Tensor2D; dbr: tf.Tensor2D; dWc: tf.Tensor2D; dbc: tf.Tensor2D };

/** a⟨t⟩ = tanh(Waa·a⟨t−1⟩ + Wax·x⟨t⟩ + ba), ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by). Returns [aNext, ytPred, cache]. */
export function rnnCellForward(xt: tf.Tensor2D, aPrev: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor2D, tf.Tensor2D, RnnCache] {
  return notImplemented('rnnCellForward');
}

/** The cell applied over Tx steps from a0. Returns [a, yPred, caches] with caches = [cacheList, x]. */
export function rnnForward(x: tf.Tensor3D, a0: tf.Tensor2D, parameters: RnnParameters): [tf.Tensor3D, tf.Tensor3D, [RnnCache[], tf.Tensor3D]] {
  return notImplemented('rnnForward');
}

/**
 * One LSTM step on concat = [aPrev; xt]: forget, update (input) and output gates, candidate,
 * cNext = ft*cPrev + it*cct, aNext = ot*tanh(cNext), ŷ = softmax(Wy·aNext + by).
 * Returns [aNext, cNext, ytPred, cache].
 */
export function lstmCellForward(
  xt: tf.Tensor2D,
  aPrev: tf.Tensor2D,
  cPrev: tf.Tensor2D,
  parameters: LstmParameters,
): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, LstmCache] {
  return notImplemented('lstmCellForward');
}

/** The LSTM cell over Tx steps from a0 and c = 0. Returns [a, y, c, caches] with caches = [cacheList, x]. */
export function lstmForward(
  x: tf.Tensor3D,
  a0: tf.Tensor2D,
  parameters: LstmParameters,
): [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, [LstmCache[], tf.Tensor3D]] {
  return notImplemented('lstmForward');
}

/** Gradients of one RNN step, given da_next = ∂J/∂a⟨t⟩. */
export function rnnCellBackward(daNext: tf.Tensor2D, cache: RnnCache): RnnCellGradients {
  return notImplemented('rnnCellBackward');
}

/** Backpropagation through time: da is ∂J/∂a for every step, [nA, m, Tx]. */
export function rnnBackward(da: tf.Tensor3D, caches: [RnnCache[], tf.Tensor3D]): RnnGradients {
  return notImplemented('rnnBackward');
}

/** Gradients of one LSTM step, given ∂J/∂a⟨t⟩ and ∂J/∂c⟨t⟩. */
export function lstmCellBackward(daNext: tf.Tensor2D, dcNext: tf.Tensor2D, cache: LstmCache): LstmCellGradients {
  return notImplemented('lstmCellBackward');
}

/** Backpropagation through time for the LSTM: da is ∂J/∂a for every step, [nA, m, Tx]. */
export function lstmBackward(da: tf.Tensor3D, caches: [LstmCache[], tf.Tensor3D]): LstmGradients {
  return notImplemented('lstmBackward');
}

/**
 * One GRU step (a⟨t⟩ = c⟨t⟩): Γu = σ(Wu[c⟨t−1⟩; x⟨t⟩] + bu), Γr = σ(Wr[c⟨t−1⟩; x⟨t⟩] + br),
 * c̃ = tanh(Wc[Γr * c⟨t−1⟩; x⟨t⟩] + bc), c⟨t⟩ = Γu * c̃ + (1 − Γu) * c⟨t−1⟩, ŷ = softmax(Wy·c⟨t⟩ + by).
 * Returns [cNext, ytPred, cache].
 */
export function gruCellForward(xt: tf.Tensor2D, cPrev: tf.Tensor2D, parameters: GruParameters): [tf.Tensor2D, tf.Tensor2D, GruCache] {
  return notImplemented('gruCellForward');
}

/** The GRU cell over Tx steps from c0. Returns [c, yPred, caches] with caches = [cacheList, x]. */
export function gruForward(x: tf.Tensor3D, c0: tf.Tensor2D, parameters: GruParameters): [tf.Tensor3D, tf.Tensor3D, [GruCache[], tf.Tensor3D]] {
  return notImplemented('gruForward');
}

/** Gradients of one GRU step, given dc_next = ∂J/∂c⟨t⟩. */
export function gruCellBackward(dcNext: tf.Tensor2D, cache: GruCache): GruCellGradients {
  return notImplemented('gruCellBackward');
}
