/**
 * The helpers the course gives with the Emojify assignment (emo_utils), ported
 * to TensorFlow.js, and two descriptions the grader reads: a TensorFlow.js layer
 * or model cannot leave the process that built it, so the exercise file hands
 * the grader what these functions report about them.
 */
import * as tf from '@tensorflow/tfjs';
import { emojifySet, readEmojifyVectors } from './datasets/emojify';
import { RandomState } from './np-random';

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

// ---------------------------------------------------------------- Emojify-V2: what the grader is told about the model

/** One layer of a model, as the grader sees it (null where the layer has no such setting). */
export interface LayerSummary {
  className: string;
  units: number | null;
  returnSequences: boolean | null;
  rate: number | null;
  activation: string | null;
  recurrentActivation: string | null;
  trainable: boolean;
  /** Without the batch dimension. */
  outputShape: number[];
  trainableParams: number;
  nonTrainableParams: number;
}

/** What the grader is told about an Emojify-V2 model. */
export interface EmojifyV2Report {
  /** Why building (or running) the model failed. */
  error?: string;
  /** When building failed in an LSTM: which one, in the order they were created (1 = the first). */
  errorInLstm?: number;
  /** The model's input: its shape without the batch dimension, and its dtype. */
  inputShape: number[];
  inputDtype: string;
  /** Its layers in order, the input layer left out. */
  layers: LayerSummary[];
  /** Without the batch dimension. */
  outputShape: number[];
  /** The matrix of its first Embedding layer (null when it has none). */
  embedding: tf.Tensor2D | null;
  /** The model on the indices (inference: dropout off), its other weights set from a seeded generator: [m, classes]. */
  probs: tf.Tensor2D | null;
  /** A short training run (given steps > 0): the loss before and after, the training accuracy after, the embedding matrix after. */
  training: { lossBefore: number; lossAfter: number; accuracy: number; embeddingAfter: tf.Tensor2D | null } | null;
}

/** The entries of a shape (the dimensions of a weight are always known). */
const sizeOf = (shape: (number | null)[]) => shape.reduce<number>((a, b) => a * (b ?? 1), 1);

const paramCount = (weights: tf.LayerVariable[]) => weights.reduce((n, w) => n + sizeOf(w.shape), 0);

/** A layer's output shape without the batch dimension (the first one, for a layer with several). */
function outputShapeOf(layer: tf.layers.Layer): number[] {
  const shape = layer.outputShape as (number | null)[] | (number | null)[][];
  const first = (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
  return first.slice(1).map((d) => d ?? -1);
}

function summarise(layer: tf.layers.Layer): LayerSummary {
  const c = layer.getConfig() as Record<string, unknown>;
  const pick = <T>(key: string, kind: string) => (typeof c[key] === kind ? (c[key] as T) : null);
  return {
    className: layer.getClassName(),
    units: pick<number>('units', 'number'),
    returnSequences: pick<boolean>('returnSequences', 'boolean'),
    rate: pick<number>('rate', 'number'),
    activation: pick<string>('activation', 'string'),
    recurrentActivation: pick<string>('recurrentActivation', 'string'),
    trainable: layer.trainable,
    outputShape: outputShapeOf(layer),
    trainableParams: paramCount(layer.trainableWeights),
    nonTrainableParams: paramCount(layer.nonTrainableWeights),
  };
}

/**
 * Builds with the LSTMs' orthogonal initialiser standing in for Glorot's: reseedWeights overwrites every
 * weight it draws, and TensorFlow.js computes it with a QR decomposition per layer that takes seconds at the
 * course's 128 units (tens of seconds on the CPU backend). What the model computes is the same either way.
 */
function withoutOrthogonalInitialiser<T>(build: () => T): T {
  const classes = tf.serialization.SerializationMap.getMap().classNameMap as Record<string, unknown>;
  const orthogonal = classes.Orthogonal;
  if (classes.GlorotUniform) classes.Orthogonal = classes.GlorotUniform;
  try {
    return build();
  } finally {
    classes.Orthogonal = orthogonal;
  }
}

/** The number at the end of a layer's name ("lstm_LSTM7" → 7). */
const uidOf = (name: string) => Number(/(\d+)$/.exec(name)?.[1] ?? NaN);

/**
 * Sets every weight of the model outside its Embedding layers from a seeded
 * generator (uniform, scaled by 1/√fan-in), so that its outputs do not depend
 * on the initialisers' random draws.
 */
function reseedWeights(model: tf.LayersModel, seed: number): void {
  const rs = new RandomState(seed);
  for (const layer of model.layers) {
    if (layer.getClassName() === 'Embedding' || layer.weights.length === 0) continue;
    layer.setWeights(
      layer.weights.map((w) => {
        const shape = w.shape.map((d) => d ?? 1);
        const scale = shape.length >= 2 ? 1 / Math.sqrt(shape[0]!) : 0.1;
        return tf.tensor(rs.uniform(-scale, scale, sizeOf(shape)), shape);
      }),
    );
  }
}

/** Mean categorical cross-entropy of probabilities [m, classes] (clipped away from 0) against labels. */
function crossEntropy(probs: tf.Tensor, Y: tf.Tensor): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(Y, tf.log(tf.clipByValue(probs, 1e-7, 1))), -1))) as tf.Scalar;
}

/**
 * Describes an Emojify-V2 model built by `build`: its input and layers, the
 * matrix of its embedding layer, its outputs on `indices` with its other weights
 * set from `seed`, and, when steps > 0, a short run of Adam (learning rate
 * `learningRate`) on (indices, labels) with dropout on, as model.fit would run it.
 */
export function describeEmojifyV2(
  build: () => tf.LayersModel,
  indices: tf.Tensor2D,
  labels: number[],
  options: { seed: number; steps: number; learningRate: number; classes?: number },
): EmojifyV2Report {
  const empty = { inputShape: [], inputDtype: '', layers: [], outputShape: [], embedding: null, probs: null, training: null };
  // An LSTM made just before tells which number the learner's LSTMs get: their creation order.
  const before = uidOf(tf.layers.lstm({ units: 1 }).name);
  let model: tf.LayersModel;
  try {
    model = withoutOrthogonalInitialiser(build);
  } catch (err) {
    // An untouched stub stays "not attempted".
    if (err instanceof Error && err.name === 'NotImplementedError') throw err;
    const message = err instanceof Error ? err.message : String(err);
    const inLstm = /layer lstm_LSTM(\d+)\b/.exec(message);
    return { ...empty, error: message, ...(inLstm ? { errorInLstm: Number(inLstm[1]) - before } : {}) };
  }
  const input = model.inputs[0]!;
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const embeddingLayer = layers.find((l) => l.getClassName() === 'Embedding');
  const embeddingMatrix = () => (embeddingLayer ? (embeddingLayer.getWeights()[0] as tf.Tensor2D).clone() : null);
  const described = {
    inputShape: input.shape.slice(1).map((d) => d ?? -1),
    inputDtype: input.dtype,
    layers: layers.map(summarise),
    outputShape: (model.outputs[0]!.shape as (number | null)[]).slice(1).map((d) => d ?? -1),
    embedding: embeddingMatrix(),
  };
  try {
    reseedWeights(model, options.seed);
    const x = indices.toFloat();
    const probs = model.predict(x) as tf.Tensor2D;
    if (options.steps <= 0) return { ...described, probs, training: null };
    const Y = tf.oneHot(tf.tensor1d(labels, 'int32'), options.classes ?? 5).toFloat();
    const lossNow = () => tf.tidy(() => crossEntropy(model.predict(x) as tf.Tensor, Y).dataSync()[0]!);
    const lossBefore = lossNow();
    const optimizer = tf.train.adam(options.learningRate);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    for (let step = 0; step < options.steps; step++) {
      optimizer.minimize(() => crossEntropy(model.apply(x, { training: true }) as tf.Tensor, Y), false, variables);
    }
    const final = model.predict(x) as tf.Tensor2D;
    const pred = Array.from(tf.argMax(final, -1).dataSync());
    const accuracy = pred.filter((p, i) => p === labels[i]).length / labels.length;
    return { ...described, probs, training: { lossBefore, lossAfter: lossNow(), accuracy, embeddingAfter: embeddingMatrix() } };
  } catch (err) {
    return { ...described, probs: null, training: null, error: err instanceof Error ? err.message : String(err) };
  }
}
