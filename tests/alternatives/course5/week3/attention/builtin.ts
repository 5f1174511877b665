/**
 * Correct alternative with TensorFlow.js built-ins: on placeholders, the
 * attention step uses tf.layers.repeatVector, tf.layers.concatenate and
 * tf.layers.dot({ axes: 1 }) instead of the given repeator, concatenator and
 * dotor (they have no weights; the Dense layers and the activator stay the
 * shared ones); on concrete tensors, tf.tile, tf.concat, tf.softmax over the
 * transposed energies and tf.matMul(alphas, a, transposeA). modelf applies the
 * output layer once to the Ty states stacked (concrete tensors). trainModel
 * compiles with tf.metrics.categoricalCrossentropy as the loss function and
 * trains with its own loop of trainOnBatch, the epoch's loss the batch-size
 * weighted mean of its batches' losses.
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

export function oneStepAttention(a: Input, sPrev: Input, layers: AttentionLayers | AttentionWeights): [Input, Input] {
  const Tx = a.shape[1]!;
  const { densor1, densor2, activator } = useAttentionLayers(layers, Tx);
  if (a instanceof tf.Tensor && sPrev instanceof tf.Tensor) {
    return tf.tidy((): [tf.Tensor, tf.Tensor] => {
      const repeated = tf.tile(tf.expandDims(sPrev, 1), [1, Tx, 1]);
      const energies = densor2.apply(densor1.apply(tf.concat([a, repeated], -1))) as tf.Tensor; // [m, Tx, 1]
      const alphas = tf.transpose(tf.softmax(tf.transpose(energies, [0, 2, 1])), [0, 2, 1]) as tf.Tensor3D;
      return [tf.matMul(alphas, a as tf.Tensor3D, true, false), alphas];
    });
  }
  const repeated = tf.layers.repeatVector({ n: Tx }).apply(sPrev) as tf.SymbolicTensor;
  const concat = tf.layers.concatenate({ axis: -1 }).apply([a as tf.SymbolicTensor, repeated]) as tf.SymbolicTensor;
  const alphas = activator.apply(densor2.apply(densor1.apply(concat))) as tf.SymbolicTensor;
  const context = tf.layers.dot({ axes: 1 }).apply([alphas, a as tf.SymbolicTensor]) as tf.SymbolicTensor;
  return [context, alphas];
}

export function modelf(X: Input, s0: Input, c0: Input, layers: NmtLayers | NmtWeights, Ty: number): [Input[], Input[]] {
  const L = useNmtLayers(layers, X.shape[1]!, X.shape[2]!);
  const a = L.preAttentionLstm.apply(X) as Input;
  const states: Input[] = [];
  const alphas: Input[] = [];
  let [s, c] = [s0, c0];
  while (states.length < Ty) {
    const [context, alpha] = oneStepAttention(a, s, L);
    const next = L.postActivationLstmCell.apply(context, { initialState: [s, c] }) as Input[];
    s = next[0]!;
    c = next[2]!;
    states.push(s);
    alphas.push(alpha);
  }
  if (X instanceof tf.Tensor) {
    const all = L.outputLayer.apply(tf.stack(states as tf.Tensor[], 1)) as tf.Tensor; // [m, Ty, vocab]
    return [tf.unstack(all, 1), alphas];
  }
  return [states.map((st) => L.outputLayer.apply(st) as Input), alphas];
}

export async function trainModel(Xoh: tf.Tensor3D, Yoh: tf.Tensor3D, dims: NmtDims, epochs: number, batchSize: number) {
  const { Tx, Ty, nS, humanVocabSize } = dims;
  const layers = nmtLayers(dims);
  const inputs = [tf.input({ shape: [Tx, humanVocabSize] }), tf.input({ shape: [nS] }), tf.input({ shape: [nS] })];
  const outputs = modelf(inputs[0]!, inputs[1]!, inputs[2]!, layers, Ty)[0] as tf.SymbolicTensor[];
  const model = tf.model({ inputs, outputs });
  model.compile({ optimizer: tf.train.adam(0.005), loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.metrics.categoricalCrossentropy(yTrue, yPred) });
  const m = Xoh.shape[0];
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    for (let start = 0; start < m; start += batchSize) {
      const size = Math.min(batchSize, m - start);
      const xb = tf.slice(Xoh, [start, 0, 0], [size, -1, -1]);
      const yb = tf.unstack(tf.slice(Yoh, [start, 0, 0], [size, -1, -1]), 1);
      const z = tf.zeros([size, nS]);
      const out = await model.trainOnBatch([xb, z, z], yb);
      total += (Array.isArray(out) ? out[0]! : out) * size;
      tf.dispose([xb, z, ...yb]);
    }
    losses.push(total / m);
  }
  return { losses, weights: nmtWeights(layers) };
}

export const alternative = { style: 'builtin', fns: ['oneStepAttention', 'modelf', 'trainModel'] };
