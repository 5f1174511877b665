/**
 * The helpers the course gives with the Emojify assignment (emo_utils), ported
 * to TensorFlow.js, and two descriptions the grader reads: a TensorFlow.js layer
 * or model cannot leave the process that built it, so the exercise file hands
 * the grader what these functions report about them.
 */
import * as tf from '@tensorflow/tfjs';
import { emojifySet, readEmojifyVectors } from './datasets/emojify';

export { emojifySet, labelToEmoji } from './datasets/emojify';

/** word → its vector, as the course's word_to_vec_map. */
export type WordVectors = Record<string, tf.Tensor1D>;

/** The shipped word vectors as tensors, with wordToIndex / indexToWord (the course's read_glove_vecs). */
export function readWordVectors(dim = 20): { wordToIndex: Record<string, number>; indexToWord: Record<number, string>; wordToVecMap: WordVectors } {
  const { wordToIndex, indexToWord, wordToVecMap } = readEmojifyVectors(dim);
  return { wordToIndex, indexToWord, wordToVecMap: Object.fromEntries(Object.entries(wordToVecMap).map(([w, v]) => [w, tf.tensor1d(v)])) };
}

/** Softmax of a vector. */
export function softmax(z: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const e = tf.exp(tf.sub(z, tf.max(z)));
    return tf.div(e, tf.sum(e)) as tf.Tensor1D;
  });
}

/** The course's convert_to_one_hot: [m, C], row i the one-hot vector of Y[i]. */
export function convertToOneHot(Y: number[], C: number): tf.Tensor2D {
  return tf.oneHot(tf.tensor1d(Y, 'int32'), C).toFloat() as tf.Tensor2D;
}

/** The lower-cased words of a sentence. */
function wordsOf(sentence: string): string[] {
  return sentence.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
}

/**
 * The course's predict: for each sentence the average of its known words'
 * vectors, z = W·avg + b, the label with the largest z. With Y, prints the
 * accuracy. Returns the predicted labels.
 */
export function predict(X: string[], Y: number[] | null, W: tf.Tensor2D, b: tf.Tensor1D, wordToVecMap: WordVectors): number[] {
  const nH = W.shape[1];
  const pred = X.map((sentence) =>
    tf.tidy(() => {
      const known = wordsOf(sentence).filter((w) => w in wordToVecMap);
      const avg = known.length ? tf.div(tf.addN(known.map((w) => wordToVecMap[w]!)), known.length) : tf.zeros([nH]);
      const z = tf.add(tf.dot(W, avg), b);
      return tf.argMax(z).dataSync()[0]!;
    }),
  );
  if (Y) console.log(`Accuracy: ${accuracy(pred, Y).toFixed(6)}`);
  return pred;
}

/** Share of labels equal to their prediction. */
export function accuracy(pred: number[], Y: number[]): number {
  return Y.length === 0 ? 0 : pred.filter((p, i) => p === Y[i]).length / Y.length;
}

/** The shipped training or test set: [X, Y]. */
export function readCsv(which: 'train' | 'test'): [X: string[], Y: number[]] {
  return emojifySet(which);
}

/** What the grader is told about an embedding layer. */
export interface EmbeddingLayerReport {
  className: string;
  trainable: boolean;
  inputDim: number;
  outputDim: number;
  /** The embedding matrix once the layer is built: [inputDim, outputDim]. */
  weights: tf.Tensor2D;
  /** The layer applied to the given indices: [m, maxLen, outputDim] (null when that failed). */
  output: tf.Tensor3D | null;
  /** The embedding matrix after a few steps of gradient descent on a small model that uses the layer (null when that failed). */
  weightsAfterTraining: tf.Tensor2D | null;
  /** Why applying or training failed. */
  error?: string;
}

/**
 * Describes an embedding layer: builds it, applies it to `indices` [m, maxLen],
 * then trains a small model — the layer, then
 * flatten, then a softmax dense layer — on (indices, labels) for a few steps of
 * plain gradient descent, as model.fit would, and reads the matrix again.
 */
export function describeEmbeddingLayer(layer: tf.layers.Layer, indices: tf.Tensor2D, labels: number[], classes = 5): EmbeddingLayerReport {
  // Built on a row of padding first (index 0 always exists), so the matrix can be read even when the indices do not fit it.
  layer.apply(tf.zeros([1, indices.shape[1]]));
  const config = layer.getConfig() as { inputDim?: number; outputDim?: number };
  const described = { className: layer.getClassName(), trainable: layer.trainable, inputDim: Number(config.inputDim), outputDim: Number(config.outputDim) };
  // A copy now: the layer's variable itself changes if training updates it.
  const weights = (layer.getWeights()[0] as tf.Tensor2D).clone();
  try {
    const output = layer.apply(indices) as tf.Tensor3D;
    const input = tf.input({ shape: [indices.shape[1]] });
    const flat = tf.layers.flatten().apply(layer.apply(input)) as tf.SymbolicTensor;
    const probs = tf.layers.dense({ units: classes, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 0 }) }).apply(flat) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: probs });
    const Y = tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat();
    const optimizer = tf.train.sgd(0.5);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    for (let step = 0; step < 3; step++) {
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(Y, model.apply(indices) as tf.Tensor) as tf.Scalar, false, variables);
    }
    return { ...described, weights, output, weightsAfterTraining: (layer.getWeights()[0] as tf.Tensor2D).clone() };
  } catch (err) {
    return { ...described, weights, output: null, weightsAfterTraining: null, error: err instanceof Error ? err.message : String(err) };
  }
}
