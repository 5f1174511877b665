/** Correct alternative: plain tf ops (tile, concat, exp/sum, weighted sum) on concrete tensors, apply([context, s, c]), per-output loss list, tf.split targets, shuffled batches. */
import * as tf from '@tensorflow/tfjs';
import { useAttentionLayers, useNmtLayers, nmtLayers, nmtWeights, type AttentionLayers, type AttentionWeights, type NmtDims, type NmtLayers, type NmtWeights } from '../../../../../lib/nmt-utils';
export type Input = tf.Tensor | tf.SymbolicTensor;
export function oneStepAttention(a: Input, sPrev: Input, layers: AttentionLayers | AttentionWeights): [Input, Input] {
  const L = useAttentionLayers(layers, a.shape[1]!);
  if (a instanceof tf.Tensor) {
    const Tx = a.shape[1]!;
    const rep = tf.tile(tf.expandDims(sPrev as tf.Tensor, 1), [1, Tx, 1]);
    const e = L.densor2.apply(L.densor1.apply(tf.concat([a, rep], 2))) as tf.Tensor;
    const alphas = tf.div(tf.exp(e), tf.sum(tf.exp(e), 1, true));
    const context = tf.sum(tf.mul(alphas, a), 1, true);
    return [context, alphas];
  }
  const concat = L.concatenator.apply([a, L.repeator.apply(sPrev)] as tf.SymbolicTensor[]);
  const alphas = L.activator.apply(L.densor2.apply(L.densor1.apply(concat))) as Input;
  return [L.dotor.apply([alphas, a] as tf.SymbolicTensor[]) as Input, alphas];
}
export function modelf(X: Input, s0: Input, c0: Input, layers: NmtLayers | NmtWeights, Ty: number): [Input[], Input[]] {
  const L = useNmtLayers(layers, X.shape[1]!, X.shape[2]!);
  const a = L.preAttentionLstm.apply(X) as Input;
  const outputs: Input[] = []; const alphas: Input[] = [];
  let state: Input[] = [s0, c0];
  for (let t = 0; t < Ty; t++) {
    const [context, alpha] = oneStepAttention(a, state[0]!, L);
    const out = L.postActivationLstmCell.apply([context, state[0]!, state[1]!] as tf.Tensor[]) as Input[];
    state = [out[1]!, out[2]!];
    alphas.push(alpha); outputs.push(L.outputLayer.apply(out[0]!) as Input);
  }
  return [outputs, alphas];
}
export async function trainModel(Xoh: tf.Tensor3D, Yoh: tf.Tensor3D, dims: NmtDims, epochs: number, batchSize: number) {
  const layers = nmtLayers(dims);
  const X = tf.input({ shape: [dims.Tx, dims.humanVocabSize] }), s0 = tf.input({ shape: [dims.nS] }), c0 = tf.input({ shape: [dims.nS] });
  const model = tf.model({ inputs: [X, s0, c0], outputs: modelf(X, s0, c0, layers, dims.Ty)[0] as tf.SymbolicTensor[] });
  model.compile({ optimizer: tf.train.adam(0.005), loss: Array(dims.Ty).fill('categoricalCrossentropy') });
  const z = tf.zeros([Xoh.shape[0], dims.nS]);
  const h = await model.fit([Xoh, z, z], tf.split(Yoh, dims.Ty, 1).map((y) => tf.squeeze(y, [1])), { epochs, batchSize, verbose: 0 });
  return { losses: h.history.loss as number[], weights: nmtWeights(layers) };
}

export const alternative = { style: 'builtin', fns: ['oneStepAttention', 'modelf', 'trainModel'] };
