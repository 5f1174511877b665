/**
 * Correct alternative, course style: the blocks computed in float64 JavaScript loops over
 * arraySync() copies of the input and the weights (convolutions, batch norm, ReLU, the
 * skip connection); blockSummary counts the parameters with the course's formulas.
 */
import * as tf from '@tensorflow/tfjs';
import type { BatchNormWeights, BlockKind, BlockSummary, BlockWeights, ConvWeights, Filters } from '../../../../../exercises/course4/week2/residual-networks';

type Img = number[][][][];
const EPS = 0.001;

interface Conv {
  k: number[][][][];
  b: number[];
}
interface Bn {
  gamma: number[];
  beta: number[];
  mean: number[];
  variance: number[];
}

function readConv(w: ConvWeights | undefined, f: number, cIn: number, cOut: number): Conv {
  if (w) return { k: w.kernel.arraySync(), b: w.bias.arraySync() };
  // The course's initializer when no weights are given.
  const k = tf.tidy(() => tf.initializers.glorotUniform({ seed: 0 }).apply([f, f, cIn, cOut]).arraySync() as number[][][][]);
  return { k, b: new Array<number>(cOut).fill(0) };
}

function readBn(w: BatchNormWeights | undefined, c: number): Bn {
  if (w) return { gamma: w.gamma.arraySync(), beta: w.beta.arraySync(), mean: w.movingMean.arraySync(), variance: w.movingVariance.arraySync() };
  return { gamma: new Array<number>(c).fill(1), beta: new Array<number>(c).fill(0), mean: new Array<number>(c).fill(0), variance: new Array<number>(c).fill(1) };
}

/** A convolution with stride s; 'same' pads like TensorFlow (the extra row/column at the end). */
function conv(x: Img, w: Conv, s: number, padding: 'same' | 'valid'): Img {
  const m = x.length;
  const nH = x[0]!.length;
  const nW = x[0]![0]!.length;
  const f = w.k.length;
  const cIn = w.k[0]![0]!.length;
  const cOut = w.b.length;
  let outH: number, outW: number, top: number, left: number;
  if (padding === 'valid') {
    outH = Math.floor((nH - f) / s) + 1;
    outW = Math.floor((nW - f) / s) + 1;
    top = 0;
    left = 0;
  } else {
    outH = Math.ceil(nH / s);
    outW = Math.ceil(nW / s);
    top = Math.floor(Math.max((outH - 1) * s + f - nH, 0) / 2);
    left = Math.floor(Math.max((outW - 1) * s + f - nW, 0) / 2);
  }
  const out: Img = [];
  for (let i = 0; i < m; i++) {
    const img: number[][][] = [];
    for (let h = 0; h < outH; h++) {
      const row: number[][] = [];
      for (let v = 0; v < outW; v++) {
        const px: number[] = [];
        for (let c = 0; c < cOut; c++) {
          let z = w.b[c]!;
          for (let p = 0; p < f; p++) {
            const y = h * s + p - top;
            if (y < 0 || y >= nH) continue;
            for (let q = 0; q < f; q++) {
              const xx = v * s + q - left;
              if (xx < 0 || xx >= nW) continue;
              for (let k = 0; k < cIn; k++) z += x[i]![y]![xx]![k]! * w.k[p]![q]![k]![c]!;
            }
          }
          px.push(z);
        }
        row.push(px);
      }
      img.push(row);
    }
    out.push(img);
  }
  return out;
}

function batchNorm(x: Img, w: Bn, training: boolean): Img {
  const C = w.gamma.length;
  let mean = w.mean;
  let variance = w.variance;
  if (training) {
    mean = new Array<number>(C).fill(0);
    variance = new Array<number>(C).fill(0);
    let n = 0;
    for (const img of x) for (const row of img) for (const px of row) {
      n++;
      for (let c = 0; c < C; c++) mean[c] += px[c]!;
    }
    for (let c = 0; c < C; c++) mean[c] /= n;
    for (const img of x) for (const row of img) for (const px of row) for (let c = 0; c < C; c++) variance[c] += (px[c]! - mean[c]!) ** 2;
    for (let c = 0; c < C; c++) variance[c] /= n;
  }
  return x.map((img) => img.map((row) => row.map((px) => px.map((v, c) => ((v - mean[c]!) / Math.sqrt(variance[c]! + EPS)) * w.gamma[c]! + w.beta[c]!))));
}

const relu = (x: Img): Img => x.map((img) => img.map((row) => row.map((px) => px.map((v) => (v > 0 ? v : 0)))));
const add = (a: Img, b: Img): Img => a.map((img, i) => img.map((row, h) => row.map((px, w) => px.map((v, c) => v + b[i]![h]![w]![c]!))));

function block(X: tf.Tensor4D, f: number, filters: Filters, kind: BlockKind, s: number, weights: BlockWeights | undefined, training: boolean): tf.Tensor4D {
  const [F1, F2, F3] = filters;
  const nC = X.shape[3];
  const x = X.arraySync();
  const stride = kind === 'identity' ? 1 : s;
  let main = relu(batchNorm(conv(x, readConv(weights?.conv1, 1, nC, F1), stride, 'valid'), readBn(weights?.bn1, F1), training));
  main = relu(batchNorm(conv(main, readConv(weights?.conv2, f, F1, F2), 1, 'same'), readBn(weights?.bn2, F2), training));
  main = batchNorm(conv(main, readConv(weights?.conv3, 1, F2, F3), 1, 'valid'), readBn(weights?.bn3, F3), training);
  const shortcut = kind === 'identity' ? x : batchNorm(conv(x, readConv(weights?.shortcutConv, 1, nC, F3), s, 'valid'), readBn(weights?.shortcutBn, F3), training);
  const out = relu(add(main, shortcut));
  return tf.tensor4d(out, [out.length, out[0]!.length, out[0]![0]!.length, F3]);
}

export function identityBlock(X: tf.Tensor4D, f: number, filters: Filters, weights?: BlockWeights, training = false): tf.Tensor4D {
  return block(X, f, filters, 'identity', 1, weights, training);
}

export function convolutionalBlock(X: tf.Tensor4D, f: number, filters: Filters, s = 2, weights?: BlockWeights, training = false): tf.Tensor4D {
  return block(X, f, filters, 'convolutional', s, weights, training);
}

export function blockSummary(inputShape: number[], f: number, filters: Filters, kind: BlockKind, s = 2): BlockSummary {
  const [nH, nW, nC] = inputShape as [number, number, number];
  const [F1, F2, F3] = filters;
  const stride = kind === 'convolutional' ? s : 1;
  const convs: [number, number, number][] = [
    [1, nC, F1],
    [f, F1, F2],
    [1, F2, F3],
  ];
  if (kind === 'convolutional') convs.push([1, nC, F3]);
  let trainableParams = 0;
  let nonTrainableParams = 0;
  for (const [k, cIn, cOut] of convs) {
    trainableParams += k * k * cIn * cOut + cOut; // the conv
    trainableParams += 2 * cOut; // its batch norm's gamma and beta
    nonTrainableParams += 2 * cOut; // its moving mean and variance
  }
  const outputShape = [Math.floor((nH - 1) / stride) + 1, Math.floor((nW - 1) / stride) + 1, F3];
  return { outputShape, trainableParams, nonTrainableParams };
}

export const alternative = { style: 'loops', fns: ['identityBlock', 'convolutionalBlock', 'blockSummary'] };
