/**
 * Correct alternative, course style: word vectors read with dataSync(), the
 * average, the softmax, the cost and the gradients in plain JavaScript loops
 * (float64), and the training loop keeping W and b as number[][] / number[]
 * (float64) until the end; index rows filled in nested arrays; the embedding
 * matrix filled in a Float32Array by loops; emojifyV2 built from an array of
 * layers applied one after the other in a loop.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import {
  describeEmbeddingLayer,
  describeEmojifyV2,
  predict,
  type EmbeddingLayerReport,
  type EmojifyV2Report,
  type WordVectors,
} from '../../../../../lib/emojify-utils';

export { labelToEmoji, predict, readCsv, readWordVectors } from '../../../../../lib/emojify-utils';

function wordsOf(sentence: string): string[] {
  const out: string[] = [];
  for (const piece of sentence.toLowerCase().split(/\s+/)) if (piece !== '') out.push(piece);
  return out;
}

/** The average as float64 numbers. */
function averageJs(sentence: string, wordToVecMap: WordVectors, nH: number): number[] {
  const total = new Array<number>(nH).fill(0);
  let count = 0;
  for (const w of wordsOf(sentence)) {
    const vec = wordToVecMap[w];
    if (vec === undefined) continue;
    const v = vec.dataSync();
    for (let j = 0; j < nH; j++) total[j] = total[j]! + v[j]!;
    count++;
  }
  if (count === 0) return total;
  for (let j = 0; j < nH; j++) total[j] = total[j]! / count;
  return total;
}

const firstLength = (map: WordVectors) => {
  for (const k in map) return map[k]!.shape[0];
  return 0;
};

export function sentenceToAvg(sentence: string, wordToVecMap: WordVectors): tf.Tensor1D {
  const nH = firstLength(wordToVecMap);
  return tf.tensor1d(averageJs(sentence, wordToVecMap, nH));
}

interface StepJs {
  a: number[];
  cost: number;
  dz: number[];
}

function stepJs(avg: number[], yOh: number[], W: number[][], b: number[]): StepJs {
  const nY = W.length;
  const z: number[] = [];
  for (let k = 0; k < nY; k++) {
    let s = b[k]!;
    for (let j = 0; j < avg.length; j++) s += W[k]![j]! * avg[j]!;
    z.push(s);
  }
  let zMax = -Infinity;
  for (const v of z) if (v > zMax) zMax = v;
  const e = z.map((v) => Math.exp(v - zMax));
  let total = 0;
  for (const v of e) total += v;
  const a = e.map((v) => v / total);
  let cost = 0;
  for (let k = 0; k < nY; k++) if (yOh[k] !== 0) cost -= yOh[k]! * Math.log(a[k]!);
  const dz = a.map((p, k) => p - yOh[k]!);
  return { a, cost, dz };
}

export function forwardBackward(avg: tf.Tensor1D, yOh: tf.Tensor1D, W: tf.Tensor2D, b: tf.Tensor1D) {
  const avgJ = Array.from(avg.dataSync());
  const W2 = W.arraySync();
  const { a, cost, dz } = stepJs(avgJ, Array.from(yOh.dataSync()), W2, Array.from(b.dataSync()));
  const dW: number[][] = [];
  for (let k = 0; k < dz.length; k++) {
    const row: number[] = [];
    for (let j = 0; j < avgJ.length; j++) row.push(dz[k]! * avgJ[j]!);
    dW.push(row);
  }
  return { a: tf.tensor1d(a), cost, dW: tf.tensor2d(dW, [dz.length, avgJ.length]), db: tf.tensor1d(dz) };
}

export function model(
  X: string[],
  Y: number[],
  wordToVecMap: WordVectors,
  learningRate = 0.01,
  numIterations = 400,
): [pred: number[], W: tf.Tensor2D, b: tf.Tensor1D] {
  np.random.seed(1);
  const labels: number[] = [];
  for (const y of Y) if (!labels.includes(y)) labels.push(y);
  const nY = labels.length;
  const nH = firstLength(wordToVecMap);
  const flat = np.random.randn(nY, nH);
  const W: number[][] = [];
  for (let k = 0; k < nY; k++) {
    const row: number[] = [];
    for (let j = 0; j < nH; j++) row.push(flat[k * nH + j]! / Math.sqrt(nH));
    W.push(row);
  }
  const b = new Array<number>(nY).fill(0);
  const avgs = X.map((s) => averageJs(s, wordToVecMap, nH));
  const onehots = Y.map((y) => Array.from({ length: nY }, (_, k) => (k === y ? 1 : 0)));
  for (let t = 0; t < numIterations; t++) {
    let cost = 0;
    for (let i = 0; i < X.length; i++) {
      const avg = avgs[i]!;
      const step = stepJs(avg, onehots[i]!, W, b);
      cost += step.cost;
      for (let k = 0; k < nY; k++) {
        for (let j = 0; j < nH; j++) W[k]![j] = W[k]![j]! - learningRate * step.dz[k]! * avg[j]!;
        b[k] = b[k]! - learningRate * step.dz[k]!;
      }
    }
    if (t % 100 === 0) {
      console.log(`Epoch: ${t} --- cost = ${cost.toFixed(6)}`);
      predict(X, Y, tf.tensor2d(W, [nY, nH]), tf.tensor1d(b), wordToVecMap);
    }
  }
  const Wt = tf.tensor2d(W, [nY, nH]);
  const bt = tf.tensor1d(b);
  return [predict(X, null, Wt, bt, wordToVecMap), Wt, bt];
}

export function sentencesToIndices(X: string[], wordToIndex: Record<string, number>, maxLen: number): tf.Tensor2D {
  const rows: number[][] = [];
  for (let i = 0; i < X.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < maxLen; j++) row.push(0);
    const words = wordsOf(X[i]!);
    for (let j = 0; j < words.length; j++) row[j] = wordToIndex[words[j]!]!;
    rows.push(row);
  }
  return tf.tensor2d(rows, [X.length, maxLen]);
}

export function pretrainedEmbeddingLayer(wordToVecMap: WordVectors, wordToIndex: Record<string, number>): tf.layers.Layer {
  let vocabLen = 1;
  for (const _ in wordToIndex) vocabLen++;
  const embDim = firstLength(wordToVecMap);
  const matrix = new Float32Array(vocabLen * embDim);
  for (const word in wordToIndex) {
    const index = wordToIndex[word]!;
    const v = wordToVecMap[word]!.dataSync();
    for (let j = 0; j < embDim; j++) matrix[index * embDim + j] = v[j]!;
  }
  return tf.layers.embedding({ inputDim: vocabLen, outputDim: embDim, trainable: false, weights: [tf.tensor2d(matrix, [vocabLen, embDim])] });
}

export function embeddingLayerReport(
  wordToVecMap: WordVectors,
  wordToIndex: Record<string, number>,
  indices: tf.Tensor2D,
  labels: number[],
): EmbeddingLayerReport {
  return describeEmbeddingLayer(pretrainedEmbeddingLayer(wordToVecMap, wordToIndex), indices, labels);
}

export function emojifyV2(inputShape: number[], wordToVecMap: WordVectors, wordToIndex: Record<string, number>, lstmUnits = 128): tf.LayersModel {
  const input = tf.input({ shape: inputShape, dtype: 'int32' });
  const stack: tf.layers.Layer[] = [
    pretrainedEmbeddingLayer(wordToVecMap, wordToIndex),
    tf.layers.lstm({ units: lstmUnits, returnSequences: true }),
    tf.layers.dropout({ rate: 0.5 }),
    tf.layers.lstm({ units: lstmUnits, returnSequences: false }),
    tf.layers.dropout({ rate: 0.5 }),
    tf.layers.dense({ units: 5 }),
    tf.layers.activation({ activation: 'softmax' }),
  ];
  let x: tf.SymbolicTensor = input;
  for (let i = 0; i < stack.length; i++) x = stack[i]!.apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: x });
}

export function emojifyV2Report(
  maxLen: number,
  wordToVecMap: WordVectors,
  wordToIndex: Record<string, number>,
  indices: tf.Tensor2D,
  labels: number[],
  lstmUnits: number,
  steps: number,
  seed: number,
): EmojifyV2Report {
  return describeEmojifyV2(() => emojifyV2([maxLen], wordToVecMap, wordToIndex, lstmUnits), indices, labels, { seed, steps, learningRate: 0.02 });
}

export function emojifyV2Outputs(
  maxLen: number,
  wordToVecMap: WordVectors,
  wordToIndex: Record<string, number>,
  indices: tf.Tensor2D,
  lstmUnits: number,
  seed: number,
): tf.Tensor2D {
  const report = emojifyV2Report(maxLen, wordToVecMap, wordToIndex, indices, [], lstmUnits, 0, seed);
  if (!report.probs) throw new Error(report.error ?? 'the model gave no output');
  return report.probs;
}

export const alternative = {
  style: 'loops',
  fns: ['sentenceToAvg', 'forwardBackward', 'model', 'sentencesToIndices', 'pretrainedEmbeddingLayer', 'emojifyV2'],
};
