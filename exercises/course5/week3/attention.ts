/**
 * Sequence models, week 3 — Neural machine translation with attention.
 * Your exercise: implement the three functions below.
 *
 * Translates human-readable dates ("tuesday march 3 1979", "05/03/79") into
 * ISO dates ("1979-03-05") with an attention model built from TensorFlow.js
 * layers: a Bi-LSTM reads the Tx characters (activations a⟨t'⟩), then for each
 * of the Ty output characters an attention step weighs the a⟨t'⟩ by how
 * relevant they are given the post-attention LSTM's previous state s⟨t−1⟩.
 *
 * The layers are shared across time steps and built once (lib/nmt-utils.ts).
 * The grader sends their weights instead of layer objects: the first line of
 * each function turns either into layers.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';
import {
  nmtLayers,
  nmtWeights,
  useAttentionLayers,
  useNmtLayers,
  type AttentionLayers,
  type AttentionWeights,
  type NmtDims,
  type NmtLayers,
  type NmtWeights,
} from '../../../lib/nmt-utils';

export type { AttentionLayers, AttentionWeights, NmtDims, NmtLayers, NmtWeights };

/** A concrete tensor (the grader's calls) or a symbolic one (inside tf.model). */
export type Input = tf.Tensor | tf.SymbolicTensor;

/**
 * One attention step. a [m, Tx, 2nA] are the Bi-LSTM's activations, sPrev [m, nS]
 * the post-attention LSTM's previous hidden state. s⟨t−1⟩ is repeated Tx times
 * and concatenated with a (a first), densor1 (tanh) then densor2 (relu) give the
 * energies e [m, Tx, 1], the activator's softmax over Tx the attention weights
 * alphas [m, Tx, 1], and the context [m, 1, 2nA] = Σ_t' alphas⟨t'⟩·a⟨t'⟩ (dotor).
 * Returns [context, alphas].
 */
export function oneStepAttention(a: Input, sPrev: Input, layers: AttentionLayers | AttentionWeights): [Input, Input] {
  // Given: the shared layers (built from their weights when the grader calls).
  const { repeator, concatenator, densor1, densor2, activator, dotor } = useAttentionLayers(layers, a.shape[1]!);
  // Apply them in the order of the formula: layer.apply(x), or layer.apply([x, y]) for two inputs.
  void [repeator, concatenator, densor1, densor2, activator, dotor, sPrev];
  return notImplemented('oneStepAttention');
}

/**
 * The model's forward pass (the course's modelf), on one-hot dates X
 * [m, Tx, humanVocabSize] and initial states s0, c0 [m, nS]: the Bi-LSTM gives
 * a [m, Tx, 2nA]; then Ty times: the attention step from s, the post-attention
 * LSTM on the context from the state [s, c] (carried from step to step), and the
 * output layer's softmax on s. Returns [outputs, alphas]: Ty tensors [m,
 * machineVocabSize] and the Ty attention weights [m, Tx, 1].
 */
export function modelf(X: Input, s0: Input, c0: Input, layers: NmtLayers | NmtWeights, Ty: number): [Input[], Input[]] {
  // Given: every layer, shared by the Ty steps (built from their weights when the grader calls).
  const L = useNmtLayers(layers, X.shape[1]!, X.shape[2]!);
  // The post-attention LSTM step: L.postActivationLstmCell.apply(context, { initialState: [s, c] }) returns [s, s, c].
  void [L, s0, c0, Ty];
  return notImplemented('modelf');
}

export interface TrainResult {
  /** The loss after each epoch (the sum over the Ty outputs of their categorical cross-entropies). */
  losses: number[];
  /** The trained weights. */
  weights: NmtWeights;
}

/**
 * Trains the model on one-hot dates Xoh [m, Tx, humanVocabSize] and their ISO
 * forms Yoh [m, Ty, machineVocabSize]: layers from nmtLayers(dims), the model
 * tf.model({ inputs: [X, s0, c0], outputs }) on tf.input placeholders, compiled
 * with Adam (learning rate 0.005, β1 = 0.9, β2 = 0.999) and categorical
 * cross-entropy on each of the Ty outputs, then fit for `epochs` epochs with
 * batches of `batchSize`, s0 = c0 = 0 and the targets as Ty tensors [m, machineVocabSize].
 */
export async function trainModel(Xoh: tf.Tensor3D, Yoh: tf.Tensor3D, dims: NmtDims, epochs: number, batchSize: number): Promise<TrainResult> {
  // Build the layers once with nmtLayers(dims); after fitting, return nmtWeights(layers) as the weights.
  void [Xoh, Yoh, dims, epochs, batchSize, nmtLayers, nmtWeights, tf];
  return notImplemented('trainModel');
}
