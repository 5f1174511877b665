/**
 * Correct alternative, course style: on concrete tensors, the attention step
 * reads a, sPrev and the two Dense layers' weights with arraySync() and computes
 * the energies, the softmax over Tx and the context with plain JavaScript loops
 * (float64), and modelf computes each output's softmax (the output layer) the
 * same way; the LSTMs stay the given layers. On placeholders (inside tf.model)
 * the shared layers are applied. trainModel slices the Ty targets one by one,
 * builds s0 and c0 separately and keeps fit's default shuffling.
 */
import * as tf from '@tensorflow/tfjs';
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
} from '../../../../../lib/nmt-utils';

export type Input = tf.Tensor | tf.SymbolicTensor;

function denseParams(layer: tf.layers.Layer): { K: number[][]; bias: number[] } {
  const [kernel, bias] = layer.getWeights();
  return { K: kernel!.arraySync() as number[][], bias: Array.from(bias!.dataSync()) };
}

export function oneStepAttention(a: Input, sPrev: Input, layers: AttentionLayers | AttentionWeights): [Input, Input] {
  const L = useAttentionLayers(layers, a.shape[1]!);
  if (!(a instanceof tf.Tensor) || !(sPrev instanceof tf.Tensor) || !L.densor1.built || !L.densor2.built) {
    const concat = L.concatenator.apply([a, L.repeator.apply(sPrev)] as tf.SymbolicTensor[]);
    const energies = L.densor2.apply(L.densor1.apply(concat));
    const alphas = L.activator.apply(energies) as Input;
    return [L.dotor.apply([alphas, a] as tf.SymbolicTensor[]) as Input, alphas];
  }
  const A = a.arraySync() as number[][][];
  const S = sPrev.arraySync() as number[][];
  const d1 = denseParams(L.densor1);
  const d2 = denseParams(L.densor2);
  const m = A.length;
  const Tx = A[0]!.length;
  const n = A[0]![0]!.length;
  const hidden = d1.bias.length;
  const context: number[][][] = [];
  const alphas: number[][][] = [];
  for (let i = 0; i < m; i++) {
    const x = new Array<number>(n + S[i]!.length);
    const e: number[] = [];
    for (let t = 0; t < Tx; t++) {
      for (let k = 0; k < n; k++) x[k] = A[i]![t]![k]!;
      for (let k = 0; k < S[i]!.length; k++) x[n + k] = S[i]![k]!;
      let energy = d2.bias[0]!;
      for (let h = 0; h < hidden; h++) {
        let z = d1.bias[h]!;
        for (let k = 0; k < x.length; k++) z += x[k]! * d1.K[k]![h]!;
        energy += Math.tanh(z) * d2.K[h]![0]!;
      }
      e.push(Math.max(0, energy));
    }
    let eMax = -Infinity;
    for (const v of e) eMax = Math.max(eMax, v);
    let total = 0;
    const w = e.map((v) => {
      const ex = Math.exp(v - eMax);
      total += ex;
      return ex;
    });
    for (let t = 0; t < Tx; t++) w[t] = w[t]! / total;
    const c = new Array<number>(n).fill(0);
    for (let t = 0; t < Tx; t++) for (let k = 0; k < n; k++) c[k] = c[k]! + w[t]! * A[i]![t]![k]!;
    context.push([c]);
    alphas.push(w.map((v) => [v]));
  }
  return [tf.tensor3d(context, [m, 1, n]), tf.tensor3d(alphas, [m, Tx, 1])];
}

/** outputLayer(s) on a concrete s: softmax(s·kernel + bias) row by row. */
function outputJs(layer: tf.layers.Layer, s: tf.Tensor): tf.Tensor {
  const { K, bias } = denseParams(layer);
  const rows = (s.arraySync() as number[][]).map((row) => {
    const z = bias.map((bk, j) => row.reduce((acc, v, k) => acc + v * K[k]![j]!, bk));
    const zMax = Math.max(...z);
    const ex = z.map((v) => Math.exp(v - zMax));
    const total = ex.reduce((p, q) => p + q, 0);
    return ex.map((v) => v / total);
  });
  return tf.tensor2d(rows, [rows.length, bias.length]);
}

export function modelf(X: Input, s0: Input, c0: Input, layers: NmtLayers | NmtWeights, Ty: number): [Input[], Input[]] {
  const L = useNmtLayers(layers, X.shape[1]!, X.shape[2]!);
  const concrete = X instanceof tf.Tensor && L.outputLayer.built;
  const a = L.preAttentionLstm.apply(X) as Input;
  const state = { s: s0, c: c0 };
  const outputs: Input[] = [];
  const alphas: Input[] = [];
  for (let t = 1; t <= Ty; t++) {
    const [context, alpha] = oneStepAttention(a, state.s, L);
    alphas.push(alpha);
    const result = L.postActivationLstmCell.apply(context, { initialState: [state.s, state.c] }) as Input[];
    state.s = result[1]!;
    state.c = result[2]!;
    outputs.push(concrete ? outputJs(L.outputLayer, state.s as tf.Tensor) : (L.outputLayer.apply(state.s) as Input));
  }
  return [outputs, alphas];
}

export async function trainModel(Xoh: tf.Tensor3D, Yoh: tf.Tensor3D, dims: NmtDims, epochs: number, batchSize: number) {
  const m = Xoh.shape[0];
  const layers = nmtLayers(dims);
  const X = tf.input({ shape: [dims.Tx, dims.humanVocabSize] });
  const s0 = tf.input({ shape: [dims.nS] });
  const c0 = tf.input({ shape: [dims.nS] });
  const outputs = modelf(X, s0, c0, layers, dims.Ty)[0] as tf.SymbolicTensor[];
  const model = tf.model({ inputs: [X, s0, c0], outputs });
  model.compile({ optimizer: tf.train.adam(0.005, 0.9, 0.999), loss: 'categoricalCrossentropy' });
  const targets: tf.Tensor[] = [];
  for (let t = 0; t < dims.Ty; t++) targets.push(tf.reshape(tf.slice(Yoh, [0, t, 0], [m, 1, dims.machineVocabSize]), [m, dims.machineVocabSize]));
  const history = await model.fit([Xoh, tf.zeros([m, dims.nS]), tf.zeros([m, dims.nS])], targets, { batchSize, epochs, verbose: 0 });
  const losses: number[] = [];
  for (const l of history.history.loss!) losses.push(Number(l));
  return { losses, weights: nmtWeights(layers) };
}

export const alternative = { style: 'loops', fns: ['oneStepAttention', 'modelf', 'trainModel'] };
