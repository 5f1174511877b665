/**
 * The helpers the course gives with its neural machine translation assignment
 * (nmt_utils and the notebook's shared layers), ported to TensorFlow.js:
 * turning date strings into indices and one-hot tensors, and building the
 * model's layers once so every time step shares them.
 *
 * A layer object cannot travel between the grader and your code, so the grader
 * sends the layers' *weights* instead; `useAttentionLayers` / `useNmtLayers`
 * turn such weights into layers (and give layers back unchanged).
 */
import * as tf from '@tensorflow/tfjs';

// ---------------------------------------------------------------- strings

/**
 * Like the course's string_to_int: lower case, commas removed, cut to `length`
 * characters, each mapped to its index in `vocab` ('<unk>' when unknown), then
 * padded with the index of '<pad>' to `length`.
 */
export function stringToInt(text: string, length: number, vocab: Record<string, number>): number[] {
  const chars = [...text.toLowerCase().replace(/,/g, '')].slice(0, length);
  const ix = chars.map((c) => vocab[c] ?? vocab['<unk>']!);
  while (ix.length < length) ix.push(vocab['<pad>']!);
  return ix;
}

/** The characters of indices, through an index → character map. */
export function intToString(ints: readonly number[], invVocab: Record<number, string>): string[] {
  return ints.map((i) => invVocab[i] ?? '?');
}

/**
 * Like the course's preprocess_data: X [m, Tx] and Y [m, Ty] the indices (int32),
 * Xoh [m, Tx, humanVocabSize] and Yoh [m, Ty, machineVocabSize] their one-hot forms.
 */
export function preprocessData(
  dataset: readonly (readonly [string, string])[],
  humanVocab: Record<string, number>,
  machineVocab: Record<string, number>,
  Tx: number,
  Ty: number,
): { X: tf.Tensor2D; Y: tf.Tensor2D; Xoh: tf.Tensor3D; Yoh: tf.Tensor3D } {
  const X = tf.tensor2d(dataset.map(([h]) => stringToInt(h, Tx, humanVocab)), [dataset.length, Tx], 'int32');
  const Y = tf.tensor2d(dataset.map(([, mc]) => stringToInt(mc, Ty, machineVocab)), [dataset.length, Ty], 'int32');
  const Xoh = tf.oneHot(X, Object.keys(humanVocab).length).toFloat() as tf.Tensor3D;
  const Yoh = tf.oneHot(Y, Object.keys(machineVocab).length).toFloat() as tf.Tensor3D;
  return { X, Y, Xoh, Yoh };
}

// ---------------------------------------------------------------- weights

/** A Dense layer's weights: kernel [inputs, units], bias [units]. */
export interface DenseWeights {
  kernel: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/** An LSTM's weights, gates in TensorFlow's order (i, f, c, o): kernel [inputs, 4n], recurrentKernel [n, 4n], bias [4n]. */
export interface LstmWeights {
  kernel: tf.Tensor2D;
  recurrentKernel: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/** The attention's two Dense layers: densor1 [nS + 2nA, 10] (tanh), densor2 [10, 1] (relu). */
export interface AttentionWeights {
  densor1: DenseWeights;
  densor2: DenseWeights;
}

/** Every weight of the model: the attention's, the pre-attention Bi-LSTM's two directions, the post-attention LSTM's, the output layer's. */
export interface NmtWeights extends AttentionWeights {
  forward: LstmWeights;
  backward: LstmWeights;
  postLstm: LstmWeights;
  output: DenseWeights;
}

/** The sizes: Tx input characters, Ty output characters, nA and nS the two LSTMs' units. */
export interface NmtDims {
  Tx: number;
  Ty: number;
  nA: number;
  nS: number;
  humanVocabSize: number;
  machineVocabSize: number;
}

// ---------------------------------------------------------------- layers

/**
 * The course's shared attention layers: repeator = RepeatVector(Tx),
 * concatenator = Concatenate(axis = −1), densor1 = Dense(10, tanh),
 * densor2 = Dense(1, relu), activator = softmax over axis 1 (the Tx axis),
 * dotor = Dot(axes = 1).
 */
export interface AttentionLayers {
  repeator: tf.layers.Layer;
  concatenator: tf.layers.Layer;
  densor1: tf.layers.Layer;
  densor2: tf.layers.Layer;
  activator: tf.layers.Layer;
  dotor: tf.layers.Layer;
}

/** The attention layers and the rest of the model: Bidirectional(LSTM(nA, returnSequences)), LSTM(nS, returnState), Dense(machineVocabSize, softmax). */
export interface NmtLayers extends AttentionLayers {
  preAttentionLstm: tf.layers.Layer;
  postActivationLstmCell: tf.layers.Layer;
  outputLayer: tf.layers.Layer;
}

/** Seeded initialisers, so that a model built twice starts from the same weights. */
const glorot = (seed: number) => tf.initializers.glorotUniform({ seed });
const orthogonal = (seed: number) => tf.initializers.orthogonal({ seed, gain: 1 });

function dense(units: number, activation: 'tanh' | 'relu' | 'softmax', seed: number, w?: DenseWeights): tf.layers.Layer {
  return tf.layers.dense({ units, activation, kernelInitializer: glorot(seed), ...(w ? { weights: [w.kernel, w.bias] } : {}) });
}

/** The six shared attention layers; with `weights`, densor1 and densor2 start from them. */
export function attentionLayers(Tx: number, weights?: AttentionWeights): AttentionLayers {
  return {
    repeator: tf.layers.repeatVector({ n: Tx }),
    concatenator: tf.layers.concatenate({ axis: -1 }),
    densor1: dense(10, 'tanh', 1, weights?.densor1),
    densor2: dense(1, 'relu', 2, weights?.densor2),
    activator: new SoftmaxOverTime({}),
    dotor: tf.layers.dot({ axes: 1 }),
  };
}

function lstm(units: number, options: { returnSequences?: boolean; returnState?: boolean }, seed: number): ReturnType<typeof tf.layers.lstm> {
  return tf.layers.lstm({ units, ...options, kernelInitializer: glorot(seed), recurrentInitializer: orthogonal(seed + 1) });
}

/**
 * The post-attention LSTM: one time step of an LSTM(nS, returnState) on a
 * context [m, 1, 2nA] from the state [s, c], returning [s, s, c] like Keras's
 * LSTM(n_s, return_state=True). TensorFlow.js's LSTM layer cannot be trained
 * when its initial state comes from another layer's output, so this layer runs
 * an LSTM cell on the single step itself (same weights, same gate order).
 */
class PostAttentionLstm extends tf.layers.Layer {
  static readonly className = 'PostAttentionLstm';
  readonly cell: tf.layers.RNNCell;
  constructor(units: number, seed: number) {
    super({});
    this.cell = tf.layers.lstmCell({ units, kernelInitializer: glorot(seed), recurrentInitializer: orthogonal(seed + 1) });
  }
  override build(shape: tf.Shape | tf.Shape[]): void {
    const context = (Array.isArray(shape[0]) ? shape[0] : shape) as tf.Shape;
    this.cell.build([context[0]!, context[2]!]);
    this.built = true;
  }
  override get trainableWeights(): tf.LayerVariable[] {
    return this.cell.trainableWeights;
  }
  override get nonTrainableWeights(): tf.LayerVariable[] {
    return [];
  }
  /** `apply(context, { initialState: [s, c] })`, or `apply([context, s, c])`. */
  override apply(inputs: tf.Tensor | tf.SymbolicTensor | (tf.Tensor | tf.SymbolicTensor)[], kwargs?: tf.serialization.ConfigDict): tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[] {
    const state = kwargs?.['initialState'] as unknown as (tf.Tensor | tf.SymbolicTensor)[] | undefined;
    const all = state ? [inputs as tf.Tensor, ...(state as tf.Tensor[])] : inputs;
    return super.apply(all as tf.Tensor[], {});
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const [context, s, c] = inputs as tf.Tensor[];
      const x = tf.reshape(context!, [context!.shape[0]!, context!.shape[2]!]);
      return this.cell.call([x, s!, c!], {}) as tf.Tensor[];
    });
  }
  override computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape[] {
    const batch = (Array.isArray(shape[0]) ? (shape[0] as tf.Shape)[0] : shape[0]) as number | null;
    const units = (this.cell as unknown as { units: number }).units;
    return [[batch, units], [batch, units], [batch, units]];
  }
}

const lstmList = (w: LstmWeights) => [w.kernel, w.recurrentKernel, w.bias];

/** Every layer of the model, built once; with `weights`, they start from them. */
export function nmtLayers(dims: NmtDims, weights?: NmtWeights): NmtLayers {
  const { Tx, nA, nS, humanVocabSize, machineVocabSize } = dims;
  const preAttentionLstm = tf.layers.bidirectional({ layer: lstm(nA, { returnSequences: true }, 3), mergeMode: 'concat' });
  const postActivationLstmCell = new PostAttentionLstm(nS, 5);
  const outputLayer = dense(machineVocabSize, 'softmax', 7, weights?.output);
  if (weights) {
    preAttentionLstm.build([null, Tx, humanVocabSize]);
    preAttentionLstm.setWeights([...lstmList(weights.forward), ...lstmList(weights.backward)]);
    postActivationLstmCell.build([null, 1, 2 * nA]);
    postActivationLstmCell.cell.setWeights(lstmList(weights.postLstm));
  }
  return { ...attentionLayers(Tx, weights), preAttentionLstm, postActivationLstmCell, outputLayer };
}

/** The layers' current weights, in the shape `nmtLayers` takes them (after training, say). */
export function nmtWeights(layers: NmtLayers): NmtWeights {
  const w = (layer: tf.layers.Layer) => layer.getWeights();
  const asDense = ([kernel, bias]: tf.Tensor[]): DenseWeights => ({ kernel: kernel as tf.Tensor2D, bias: bias as tf.Tensor1D });
  const asLstm = ([kernel, recurrentKernel, bias]: tf.Tensor[]): LstmWeights => ({ kernel: kernel as tf.Tensor2D, recurrentKernel: recurrentKernel as tf.Tensor2D, bias: bias as tf.Tensor1D });
  const bi = w(layers.preAttentionLstm);
  return {
    densor1: asDense(w(layers.densor1)),
    densor2: asDense(w(layers.densor2)),
    forward: asLstm(bi.slice(0, 3)),
    backward: asLstm(bi.slice(3, 6)),
    postLstm: asLstm(w(layers.postActivationLstmCell)),
    output: asDense(w(layers.outputLayer)),
  };
}

/**
 * Softmax over axis 1 of [m, Tx, 1] energies: the course's
 * softmax(x, axis=1). TensorFlow.js's softmax only works over the last axis.
 */
class SoftmaxOverTime extends tf.layers.Layer {
  static readonly className = 'SoftmaxOverTime';
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const e = tf.exp(tf.sub(x, tf.max(x, 1, true)));
      return tf.div(e, tf.sum(e, 1, true));
    });
  }
  override computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return shape;
  }
}

const isLayer = (x: unknown): boolean => typeof (x as { apply?: unknown })?.apply === 'function';

/** Layers as they are, or the attention layers built from weights (what the grader sends). */
export function useAttentionLayers(layers: AttentionLayers | AttentionWeights, Tx: number): AttentionLayers {
  return isLayer((layers as AttentionLayers).densor1) ? (layers as AttentionLayers) : attentionLayers(Tx, layers as AttentionWeights);
}

/** Layers as they are, or every layer built from weights (what the grader sends) for inputs [m, Tx, humanVocabSize]. */
export function useNmtLayers(layers: NmtLayers | NmtWeights, Tx: number, humanVocabSize: number): NmtLayers {
  if (isLayer((layers as NmtLayers).densor1)) return layers as NmtLayers;
  const w = layers as NmtWeights;
  const dims: NmtDims = {
    Tx,
    Ty: 0, // the layers do not depend on it
    nA: w.forward.recurrentKernel.shape[0],
    nS: w.postLstm.recurrentKernel.shape[0],
    humanVocabSize,
    machineVocabSize: w.output.bias.shape[0],
  };
  return nmtLayers(dims, w);
}
