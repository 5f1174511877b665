/**
 * Correct alternative: the blocks with TensorFlow.js ops instead of layers — tf.conv2d,
 * batch norm written as x·(γ/√(σ²+ε)) + (β − μ·γ/√(σ²+ε)) (scale and shift folded), the
 * shortcut computed before the main path, and blockSummary built shortcut-first with the
 * parameters counted layer by layer.
 */
import * as tf from '@tensorflow/tfjs';
import type { BatchNormWeights, BlockKind, BlockSummary, BlockWeights, ConvWeights, Filters } from '../../../../../exercises/course4/week2/residual-networks';

const EPSILON = 1e-3;

function convOp(x: tf.Tensor4D, w: ConvWeights | undefined, size: number, units: number, strides: number, padding: 'same' | 'valid'): tf.Tensor4D {
  const kernel = w?.kernel ?? (tf.initializers.glorotUniform({ seed: 0 }).apply([size, size, x.shape[3], units]) as tf.Tensor4D);
  const z = tf.conv2d(x, kernel, strides, padding);
  return w ? tf.add(z, w.bias) : z;
}

function bnOp(x: tf.Tensor4D, w: BatchNormWeights | undefined, training: boolean): tf.Tensor4D {
  const C = x.shape[3];
  const gamma = w?.gamma ?? tf.ones([C]);
  const beta = w?.beta ?? tf.zeros([C]);
  let mu: tf.Tensor = w?.movingMean ?? tf.zeros([C]);
  let sigma2: tf.Tensor = w?.movingVariance ?? tf.ones([C]);
  if (training) {
    // The batch statistics per channel (biased variance, as batch norm uses).
    mu = tf.mean(x, [0, 1, 2]);
    sigma2 = tf.mean(tf.square(tf.sub(x, mu)), [0, 1, 2]);
  }
  const scale = tf.div(gamma, tf.sqrt(tf.add(sigma2, EPSILON)));
  const shift = tf.sub(beta, tf.mul(mu, scale));
  return tf.add(tf.mul(x, scale), shift) as tf.Tensor4D;
}

function run(X: tf.Tensor4D, f: number, [F1, F2, F3]: Filters, kind: BlockKind, s: number, w: BlockWeights | undefined, training: boolean): tf.Tensor4D {
  return tf.tidy(() => {
    const first = kind === 'convolutional' ? s : 1;
    const shortcut = kind === 'convolutional' ? bnOp(convOp(X, w?.shortcutConv, 1, F3, s, 'valid'), w?.shortcutBn, training) : X;
    const a1 = tf.relu(bnOp(convOp(X, w?.conv1, 1, F1, first, 'valid'), w?.bn1, training));
    const a2 = tf.relu(bnOp(convOp(a1, w?.conv2, f, F2, 1, 'same'), w?.bn2, training));
    const z3 = bnOp(convOp(a2, w?.conv3, 1, F3, 1, 'valid'), w?.bn3, training);
    return tf.relu(tf.add(shortcut, z3)) as tf.Tensor4D;
  });
}

export function identityBlock(X: tf.Tensor4D, f: number, filters: Filters, weights?: BlockWeights, training = false): tf.Tensor4D {
  return run(X, f, filters, 'identity', 1, weights, training);
}

export function convolutionalBlock(X: tf.Tensor4D, f: number, filters: Filters, s = 2, weights?: BlockWeights, training = false): tf.Tensor4D {
  return run(X, f, filters, 'convolutional', s, weights, training);
}

export function blockSummary(inputShape: number[], f: number, filters: Filters, kind: BlockKind, s = 2): BlockSummary {
  const [F1, F2, F3] = filters;
  const input = tf.input({ shape: inputShape });
  const layers: tf.layers.Layer[] = [];
  const make = <L extends tf.layers.Layer>(l: L): L => {
    layers.push(l);
    return l;
  };
  const convL = (units: number, size: number, strides: number, padding: 'same' | 'valid') => make(tf.layers.conv2d({ filters: units, kernelSize: size, strides, padding }));
  const bnL = () => make(tf.layers.batchNormalization({ axis: 3 }));
  const apply = (x: tf.SymbolicTensor, ...ls: tf.layers.Layer[]) => ls.reduce((t, l) => l.apply(t) as tf.SymbolicTensor, x);
  const shortcut = kind === 'convolutional' ? apply(input, convL(F3, 1, s, 'valid'), bnL()) : input;
  let x = apply(input, convL(F1, 1, kind === 'convolutional' ? s : 1, 'valid'), bnL(), tf.layers.reLU());
  x = apply(x, convL(F2, f, 1, 'same'), bnL(), tf.layers.reLU());
  x = apply(x, convL(F3, 1, 1, 'valid'), bnL());
  const output = apply(tf.layers.add().apply([shortcut, x]) as tf.SymbolicTensor, tf.layers.reLU());
  const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
  let trainableParams = 0;
  let nonTrainableParams = 0;
  for (const l of layers) {
    for (const v of l.trainableWeights) trainableParams += size(v.shape as number[]);
    for (const v of l.nonTrainableWeights) nonTrainableParams += size(v.shape as number[]);
  }
  const result = { outputShape: output.shape.slice(1) as number[], trainableParams, nonTrainableParams };
  layers.forEach((l) => l.dispose());
  return result;
}

export const alternative = { style: 'reordered', fns: ['identityBlock', 'convolutionalBlock', 'blockSummary'] };
