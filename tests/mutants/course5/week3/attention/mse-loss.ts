import * as tf from '@tensorflow/tfjs';
import { nmtLayers, nmtWeights, type NmtDims } from '../../../../../lib/nmt-utils';
export * from '../../../../../solutions/course5/week3/attention';
import { modelf, type TrainResult } from '../../../../../solutions/course5/week3/attention';

export const mutant = { fn: 'trainModel', hint: "The loss is the mean squared error: each of the Ty outputs is a softmax over the machine vocabulary, trained with 'categoricalCrossentropy'." };

export async function trainModel(Xoh: tf.Tensor3D, Yoh: tf.Tensor3D, dims: NmtDims, epochs: number, batchSize: number): Promise<TrainResult> {
  const { Tx, Ty, nS, humanVocabSize } = dims;
  const m = Xoh.shape[0];
  const layers = nmtLayers(dims);
  const X = tf.input({ shape: [Tx, humanVocabSize] });
  const s0 = tf.input({ shape: [nS] });
  const c0 = tf.input({ shape: [nS] });
  const [outputs] = modelf(X, s0, c0, layers, Ty);
  const model = tf.model({ inputs: [X, s0, c0], outputs: outputs as tf.SymbolicTensor[] });
  model.compile({ optimizer: tf.train.adam(0.005, 0.9, 0.999), loss: 'meanSquaredError' });
  const zeros = tf.zeros([m, nS]);
  const history = await model.fit([Xoh, zeros, zeros], tf.unstack(Yoh, 1), { epochs, batchSize, shuffle: false, verbose: 0 });
  return { losses: (history.history.loss as number[]).map(Number), weights: nmtWeights(layers) };
}
