/**
 * Correct alternative (loops): both training loops and predict in plain
 * JavaScript on arraySync() values (float64): own forward and backward passes
 * layer by layer, the parameters kept as nested arrays until the end. The given
 * initialisations are the file's own (re-exported, not graded).
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import {
  initializeParameters,
  initializeParametersDeep,
  type Parameters,
  type TrainingResult,
} from '../../../../../solutions/course1/week4/deep-network-application';

export { initializeParameters, initializeParametersDeep } from '../../../../../solutions/course1/week4/deep-network-application';

type M = number[][];

function matmul(A: M, B: M): M {
  const n = A.length;
  const k = B.length;
  const p = B[0]!.length;
  const C: M = Array.from({ length: n }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const a = A[i]![t]!;
      if (a === 0) continue;
      const row = B[t]!;
      const out = C[i]!;
      for (let j = 0; j < p; j++) out[j]! += a * row[j]!;
    }
  }
  return C;
}
const transpose = (A: M): M => A[0]!.map((_, j) => A.map((r) => r[j]!));

type Layer = { W: M; b: number[] };

function toLayers(parameters: Parameters): Layer[] {
  const layers: Layer[] = [];
  for (let l = 1; parameters[`W${l}`] !== undefined; l++) {
    layers.push({ W: parameters[`W${l}`]!.arraySync(), b: parameters[`b${l}`]!.arraySync().map((r) => r[0]!) });
  }
  return layers;
}

function toParameters(layers: Layer[]): Parameters {
  const p: Parameters = {};
  layers.forEach((layer, i) => {
    p[`W${i + 1}`] = tf.tensor2d(layer.W, [layer.W.length, layer.W[0]!.length]);
    p[`b${i + 1}`] = tf.tensor2d(layer.b.map((v) => [v]), [layer.b.length, 1]);
  });
  return p;
}

/** Forward pass: the input of every layer and the output AL. ReLU on hidden layers, sigmoid on the last. */
function forward(X: M, layers: Layer[]): { inputs: M[]; Zs: M[]; AL: number[] } {
  const inputs: M[] = [];
  const Zs: M[] = [];
  let A = X;
  layers.forEach((layer, l) => {
    inputs.push(A);
    const Z = matmul(layer.W, A).map((row, i) => row.map((v) => v + layer.b[i]!));
    Zs.push(Z);
    const last = l === layers.length - 1;
    A = Z.map((row) => row.map((z) => (last ? 1 / (1 + Math.exp(-z)) : Math.max(0, z))));
  });
  return { inputs, Zs, AL: A[0]! };
}

/** One iteration of gradient descent in place; returns the cost of the forward pass before the update. */
function step(X: M, y: number[], layers: Layer[], learningRate: number): number {
  const m = y.length;
  const { inputs, Zs, AL } = forward(X, layers);
  let cost = 0;
  for (let j = 0; j < m; j++) cost -= y[j]! * Math.log(AL[j]!) + (1 - y[j]!) * Math.log(1 - AL[j]!);
  cost /= m;
  // dA of the output, as in the course, then dZ = dA·σ′(Z).
  let dA: M = [AL.map((a, j) => -(y[j]! / a - (1 - y[j]!) / (1 - a)))];
  for (let l = layers.length - 1; l >= 0; l--) {
    const last = l === layers.length - 1;
    const Z = Zs[l]!;
    const dZ = dA.map((row, i) =>
      row.map((g, j) => {
        const z = Z[i]![j]!;
        if (last) {
          const s = 1 / (1 + Math.exp(-z));
          return g * s * (1 - s);
        }
        return z > 0 ? g : 0;
      }),
    );
    const layer = layers[l]!;
    const dW = matmul(dZ, transpose(inputs[l]!));
    const db = dZ.map((row) => row.reduce((s, v) => s + v, 0));
    if (l > 0) dA = matmul(transpose(layer.W), dZ);
    layer.W = layer.W.map((row, i) => row.map((w, k) => w - (learningRate * dW[i]![k]!) / m));
    layer.b = layer.b.map((b, i) => b - (learningRate * db[i]!) / m);
  }
  return cost;
}

function train(X: tf.Tensor2D, Y: tf.Tensor2D, start: Parameters, learningRate: number, numIterations: number, printCost: boolean): TrainingResult {
  const x = X.arraySync();
  const y = Array.from(Y.dataSync());
  const layers = toLayers(start);
  tf.dispose(Object.values(start));
  const costs: number[] = [];
  for (let i = 0; i < numIterations; i++) {
    const cost = step(x, y, layers, learningRate);
    if (printCost && (i % 100 === 0 || i === numIterations - 1)) console.log(`Cost after iteration ${i}: ${cost}`);
    if (i % 100 === 0) costs.push(cost);
  }
  return { parameters: toParameters(layers), costs };
}

export function twoLayerModel(
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  layersDims: [number, number, number],
  learningRate = 0.0075,
  numIterations = 3000,
  printCost = false,
): TrainingResult {
  np.random.seed(1);
  const [nX, nH, nY] = layersDims;
  return train(X, Y, initializeParameters(nX, nH, nY), learningRate, numIterations, printCost);
}

export function lLayerModel(
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  layersDims: number[],
  learningRate = 0.0075,
  numIterations = 3000,
  printCost = false,
): TrainingResult {
  np.random.seed(1);
  return train(X, Y, initializeParametersDeep(layersDims), learningRate, numIterations, printCost);
}

export function predict(X: tf.Tensor2D, Y: tf.Tensor2D | null, parameters: Parameters): tf.Tensor2D {
  const { AL } = forward(X.arraySync(), toLayers(parameters));
  const p = AL.map((a) => (a > 0.5 ? 1 : 0));
  if (Y) {
    const y = Y.dataSync();
    let right = 0;
    for (let j = 0; j < p.length; j++) if (p[j] === y[j]) right++;
    console.log(`Accuracy: ${right / p.length}`);
  }
  return tf.tensor2d([p], [1, p.length]);
}

export const alternative = { style: 'loops', fns: ['twoLayerModel', 'lLayerModel', 'predict'] };
