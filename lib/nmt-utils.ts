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

/*
 * Why these layers are written here rather than taken from tf.layers: on the
 * CPU backend (the only one your code gets), TensorFlow.js copies a slice that
 * is not contiguous in memory — a split along the last axis (an LSTM's four
 * gates), one step of a batch-major sequence, the gradients of tile and
 * concatenate — one element at a time, and adds a [1, 1, n] bias the same way.
 * Those copies took most of a training step. The layers below compute the same
 * functions as Keras's, with matrix products where a slice would be, so that a
 * small model learns in seconds.
 */

/** Seeded initialisers, so that a model built twice starts from the same weights. */
const glorot = (seed: number) => tf.initializers.glorotUniform({ seed });
const orthogonal = (seed: number) => tf.initializers.orthogonal({ seed, gain: 1 });

type Inputs = tf.Tensor | tf.Tensor[];
type Shapes = tf.Shape | tf.Shape[];
const first = (inputs: Inputs): tf.Tensor => (Array.isArray(inputs) ? inputs[0]! : inputs);
const firstShape = (shape: Shapes): tf.Shape => (Array.isArray(shape[0]) ? (shape[0] as tf.Shape) : (shape as tf.Shape));

/** E [total, width] with E[offset + j, j] = 1: z·E is z[:, offset : offset + width], and x·Eᵀ puts x's columns there. */
function selection(total: number, offset: number, width: number): tf.Tensor2D {
  const e = new Float32Array(total * width);
  for (let j = 0; j < width; j++) e[(offset + j) * width + j] = 1;
  return tf.tensor2d(e, [total, width]);
}

/** Concatenation on the last axis, whose gradient reads each input's columns back with a matrix product. */
function concatLast(xs: tf.Tensor[]): tf.Tensor {
  const widths = xs.map((x) => x.shape[x.rank - 1]!);
  const total = widths.reduce((a, b) => a + b, 0);
  const concat = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const inputs = args.slice(0, xs.length) as tf.Tensor[];
    return {
      value: tf.concat(inputs, -1),
      gradFunc: (dy: tf.Tensor) => {
        const flat = tf.reshape(dy, [-1, total]);
        let offset = 0;
        return inputs.map((x, i) => {
          const g = tf.reshape(tf.matMul(flat, selection(total, offset, widths[i]!)), x.shape);
          offset += widths[i]!;
          return g;
        });
      },
    };
  });
  return concat(...xs);
}

/** RepeatVector(n): [m, k] → [m, n, k], as the product of ones [m, n, 1] and x [m, 1, k] (its gradient sums with a product too). */
class RepeatVector extends tf.layers.Layer {
  static readonly className = 'NmtRepeatVector';
  constructor(readonly n: number) {
    super({});
  }
  override call(inputs: Inputs): tf.Tensor {
    return tf.tidy(() => {
      const x = first(inputs);
      if (x.rank !== 2) throw new Error(`repeator takes a [m, n] tensor, not one of shape [${x.shape.join(', ')}]`);
      const [m, k] = x.shape as [number, number];
      return tf.matMul(tf.ones([m, this.n, 1]), tf.reshape(x, [m, 1, k]));
    });
  }
  override computeOutputShape(shape: Shapes): tf.Shape {
    const s = firstShape(shape);
    return [s[0]!, this.n, s[1]!];
  }
}

/** Concatenate(axis = −1). */
class ConcatenateLast extends tf.layers.Layer {
  static readonly className = 'NmtConcatenate';
  override call(inputs: Inputs): tf.Tensor {
    return concatLast(Array.isArray(inputs) ? inputs : [inputs]);
  }
  override computeOutputShape(shape: Shapes): tf.Shape {
    const shapes = shape as tf.Shape[];
    const last = shapes.map((s) => s[s.length - 1]);
    return [...shapes[0]!.slice(0, -1), last.some((d) => d == null) ? null : last.reduce((a, b) => a! + b!, 0)];
  }
}

/** Dot(axes = 1) on [m, T, p] and [m, T, q]: xᵀ·y for each example, [m, p, q]. */
class DotOverTime extends tf.layers.Layer {
  static readonly className = 'NmtDot';
  override call(inputs: Inputs): tf.Tensor {
    const [x, y] = inputs as tf.Tensor[];
    if (x?.rank !== 3 || y?.rank !== 3) throw new Error('dotor takes two tensors [m, T, p] and [m, T, q]');
    return tf.matMul(x as tf.Tensor3D, y as tf.Tensor3D, true, false);
  }
  override computeOutputShape(shape: Shapes): tf.Shape {
    const [x, y] = shape as tf.Shape[];
    return [x![0]!, x![2]!, y![2]!];
  }
}

/**
 * Softmax over axis 1 of [m, Tx, 1] energies: the course's
 * softmax(x, axis=1). TensorFlow.js's softmax only works over the last axis.
 */
class SoftmaxOverTime extends tf.layers.Layer {
  static readonly className = 'SoftmaxOverTime';
  override call(inputs: Inputs): tf.Tensor {
    return tf.tidy(() => {
      const x = first(inputs);
      if (x.rank === 3 && x.shape[2] === 1) return tf.reshape(tf.softmax(tf.reshape(x, [x.shape[0]!, x.shape[1]!])), x.shape);
      const e = tf.exp(tf.sub(x, tf.max(x, 1, true)));
      return tf.div(e, tf.sum(e, 1, true));
    });
  }
  override computeOutputShape(shape: Shapes): Shapes {
    return shape;
  }
}

const ACTIVATIONS = { tanh: tf.tanh, relu: tf.relu, softmax: tf.softmax } as const;

/** Dense(units, activation) on the last axis of [..., n]: kernel [n, units], bias [units]. */
class Dense extends tf.layers.Layer {
  static readonly className = 'NmtDense';
  private kernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;
  constructor(
    readonly units: number,
    readonly activation: keyof typeof ACTIVATIONS,
    readonly seed: number,
  ) {
    super({});
  }
  override build(shape: Shapes): void {
    const s = firstShape(shape);
    this.kernel = this.addWeight('kernel', [s[s.length - 1]!, this.units], 'float32', glorot(this.seed));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.built = true;
  }
  override call(inputs: Inputs): tf.Tensor {
    return tf.tidy(() => {
      const x = first(inputs);
      const flat = tf.reshape(x, [-1, x.shape[x.rank - 1]!]);
      const y = ACTIVATIONS[this.activation](tf.add(tf.matMul(flat, this.kernel!.read()), this.bias!.read()));
      return tf.reshape(y, [...x.shape.slice(0, -1), this.units]);
    });
  }
  override computeOutputShape(shape: Shapes): tf.Shape {
    return [...firstShape(shape).slice(0, -1), this.units];
  }
}

function dense(units: number, activation: keyof typeof ACTIVATIONS, seed: number, w?: DenseWeights): tf.layers.Layer {
  const layer = new Dense(units, activation, seed);
  if (w) {
    layer.build([null, w.kernel.shape[0]]);
    layer.setWeights([w.kernel, w.bias]);
  }
  return layer;
}

/** The six shared attention layers; with `weights`, densor1 and densor2 start from them. */
export function attentionLayers(Tx: number, weights?: AttentionWeights): AttentionLayers {
  return {
    repeator: new RepeatVector(Tx),
    concatenator: new ConcatenateLast({}),
    densor1: dense(10, 'tanh', 1, weights?.densor1),
    densor2: dense(1, 'relu', 2, weights?.densor2),
    activator: new SoftmaxOverTime({}),
    dotor: new DotOverTime({}),
  };
}

// ---------------------------------------------------------------- LSTMs

/** An LSTM's three weights, Keras's initialisers: Glorot kernel, orthogonal recurrent kernel, bias 1 on the forget gate (unit_forget_bias). */
function addLstmWeights(layer: tf.layers.Layer, prefix: string, nIn: number, n: number, seed: number): tf.LayerVariable[] {
  const add = (layer as unknown as { addWeight: (name: string, shape: tf.Shape, dtype: 'float32', init: ReturnType<typeof tf.initializers.zeros>) => tf.LayerVariable }).addWeight.bind(layer);
  const kernel = add(`${prefix}kernel`, [nIn, 4 * n], 'float32', glorot(seed));
  const recurrentKernel = add(`${prefix}recurrent_kernel`, [n, 4 * n], 'float32', orthogonal(seed + 1));
  const bias = add(`${prefix}bias`, [4 * n], 'float32', tf.initializers.zeros());
  bias.write(tf.tensor1d(Array.from({ length: 4 * n }, (_, j) => (j >= n && j < 2 * n ? 1 : 0))));
  return [kernel, recurrentKernel, bias];
}

/**
 * One LSTM step from its pre-activations xz = x·kernel + bias [m, 4n]: gates in
 * TensorFlow's order (i, f, c, o), read with the selections `gates`, sigmoid
 * gates. Returns the new [h, c].
 */
function lstmStep(xz: tf.Tensor, h: tf.Tensor, c: tf.Tensor, recurrentKernel: tf.Tensor, gates: tf.Tensor2D[]): [tf.Tensor, tf.Tensor] {
  const z = tf.add(xz, tf.matMul(h, recurrentKernel));
  const [i, f, g, o] = gates.map((e) => tf.matMul(z, e));
  const cNext = tf.add(tf.mul(tf.sigmoid(f!), c), tf.mul(tf.sigmoid(i!), tf.tanh(g!)));
  return [tf.mul(tf.sigmoid(o!), tf.tanh(cNext)), cNext];
}

const gateSelections = (n: number) => [0, 1, 2, 3].map((k) => selection(4 * n, k * n, n));

/**
 * Bidirectional(LSTM(n, return_sequences=True)), outputs concatenated: [m, Tx, nIn] → [m, Tx, 2n],
 * the forward LSTM's h⟨t⟩ then the backward one's (which read the dates from the end).
 * Weights: the forward LSTM's kernel, recurrent kernel, bias, then the backward one's.
 */
class BidirectionalLstm extends tf.layers.Layer {
  static readonly className = 'NmtBidirectionalLstm';
  private w: tf.LayerVariable[] = [];
  constructor(
    readonly units: number,
    readonly seed: number,
  ) {
    super({});
  }
  override build(shape: Shapes): void {
    const nIn = firstShape(shape)[2]!;
    this.w = [...addLstmWeights(this, 'forward_', nIn, this.units, this.seed), ...addLstmWeights(this, 'backward_', nIn, this.units, this.seed + 2)];
    this.built = true;
  }
  override call(inputs: Inputs): tf.Tensor {
    return tf.tidy(() => {
      const x = first(inputs);
      const [m, Tx, nIn] = x.shape as [number, number, number];
      const n = this.units;
      // Time-major rows (t, i), so that each step's [m, 4n] is a contiguous block.
      const rows = tf.reshape(tf.transpose(x, [1, 0, 2]), [Tx * m, nIn]);
      const gates = gateSelections(n);
      const run = ([kernel, recurrentKernel, bias]: tf.LayerVariable[], backward: boolean): tf.Tensor => {
        const xz = tf.unstack(tf.reshape(tf.add(tf.matMul(rows, kernel!.read()), bias!.read()), [Tx, m, 4 * n]));
        const hs: tf.Tensor[] = new Array(Tx);
        let h: tf.Tensor = tf.zeros([m, n]);
        let c: tf.Tensor = tf.zeros([m, n]);
        for (let k = 0; k < Tx; k++) {
          const t = backward ? Tx - 1 - k : k;
          [h, c] = lstmStep(xz[t]!, h, c, recurrentKernel!.read(), gates);
          hs[t] = h;
        }
        return tf.reshape(tf.stack(hs), [Tx * m, n]);
      };
      const forward = tf.matMul(run(this.w.slice(0, 3), false), selection(2 * n, 0, n), false, true);
      const backward = tf.matMul(run(this.w.slice(3, 6), true), selection(2 * n, n, n), false, true);
      return tf.transpose(tf.reshape(tf.add(forward, backward), [Tx, m, 2 * n]), [1, 0, 2]);
    });
  }
  override computeOutputShape(shape: Shapes): tf.Shape {
    const s = firstShape(shape);
    return [s[0]!, s[1]!, 2 * this.units];
  }
}

/**
 * The post-attention LSTM: one time step of an LSTM(nS, returnState) on a
 * context [m, 1, 2nA] from the state [s, c], returning [s, s, c] like Keras's
 * LSTM(n_s, return_state=True). TensorFlow.js's LSTM layer cannot be trained
 * when its initial state comes from another layer's output, so this layer runs
 * the single step itself. Weights: kernel, recurrent kernel, bias.
 */
class PostAttentionLstm extends tf.layers.Layer {
  static readonly className = 'PostAttentionLstm';
  private w: tf.LayerVariable[] = [];
  constructor(
    readonly units: number,
    readonly seed: number,
  ) {
    super({});
  }
  override build(shape: Shapes): void {
    const context = firstShape(shape);
    this.w = addLstmWeights(this, '', context[2]!, this.units, this.seed);
    this.built = true;
  }
  /** `apply(context, { initialState: [s, c] })`, or `apply([context, s, c])`. */
  override apply(inputs: tf.Tensor | tf.SymbolicTensor | (tf.Tensor | tf.SymbolicTensor)[], kwargs?: tf.serialization.ConfigDict): tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[] {
    const state = kwargs?.['initialState'] as unknown as (tf.Tensor | tf.SymbolicTensor)[] | undefined;
    const all = state ? [inputs as tf.Tensor, ...(state as tf.Tensor[])] : inputs;
    return super.apply(all as tf.Tensor[], {});
  }
  override call(inputs: Inputs): tf.Tensor[] {
    return tf.tidy(() => {
      const [context, s, c] = inputs as tf.Tensor[];
      const [kernel, recurrentKernel, bias] = this.w;
      const x = tf.reshape(context!, [context!.shape[0]!, context!.shape[2]!]);
      const [h, cNext] = lstmStep(tf.add(tf.matMul(x, kernel!.read()), bias!.read()), s!, c!, recurrentKernel!.read(), gateSelections(this.units));
      return [h, h, cNext];
    });
  }
  override computeOutputShape(shape: Shapes): tf.Shape[] {
    const batch = firstShape(shape)[0] ?? null;
    return [[batch, this.units], [batch, this.units], [batch, this.units]];
  }
}

const lstmList = (w: LstmWeights) => [w.kernel, w.recurrentKernel, w.bias];

/** Every layer of the model, built once; with `weights`, they start from them. */
export function nmtLayers(dims: NmtDims, weights?: NmtWeights): NmtLayers {
  const { Tx, nA, nS, humanVocabSize, machineVocabSize } = dims;
  const preAttentionLstm = new BidirectionalLstm(nA, 3);
  const postActivationLstmCell = new PostAttentionLstm(nS, 5);
  const outputLayer = dense(machineVocabSize, 'softmax', 7, weights?.output);
  if (weights) {
    preAttentionLstm.build([null, Tx, humanVocabSize]);
    preAttentionLstm.setWeights([...lstmList(weights.forward), ...lstmList(weights.backward)]);
    postActivationLstmCell.build([null, 1, 2 * nA]);
    postActivationLstmCell.setWeights(lstmList(weights.postLstm));
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
