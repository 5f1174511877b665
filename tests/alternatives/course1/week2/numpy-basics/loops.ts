/**
 * Correct alternative (loops): read the values out with dataSync(), compute in
 * plain JavaScript (float64), build the results with tf.tensor.
 */
import * as tf from '@tensorflow/tfjs';

function elementwise(x: tf.Tensor, f: (v: number) => number): tf.Tensor {
  const values = Array.from(x.dataSync());
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) out.push(f(values[i]!));
  return tf.tensor(out, x.shape);
}

export function sigmoid(x: tf.Tensor): tf.Tensor {
  return elementwise(x, (v) => 1 / (1 + Math.exp(-v)));
}

export function sigmoidDerivative(x: tf.Tensor): tf.Tensor {
  const s = sigmoid(x).dataSync();
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s[i]! * (1 - s[i]!));
  return tf.tensor(out, x.shape);
}

export function imageToVector(image: tf.Tensor3D): tf.Tensor2D {
  const img = image.arraySync();
  const column: number[][] = [];
  for (let i = 0; i < img.length; i++) {
    for (let j = 0; j < img[i]!.length; j++) {
      for (let k = 0; k < img[i]![j]!.length; k++) column.push([img[i]![j]![k]!]);
    }
  }
  return tf.tensor2d(column, [column.length, 1]);
}

export function normalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  const rows = x.arraySync();
  const out: number[][] = [];
  for (const row of rows) {
    let sq = 0;
    for (const v of row) sq += v * v;
    const n = Math.sqrt(sq);
    out.push(row.map((v) => v / n));
  }
  return tf.tensor2d(out, x.shape);
}

export function softmax(x: tf.Tensor2D): tf.Tensor2D {
  const rows = x.arraySync();
  const out: number[][] = [];
  for (const row of rows) {
    const e = row.map((v) => Math.exp(v));
    let total = 0;
    for (const v of e) total += v;
    out.push(e.map((v) => v / total));
  }
  return tf.tensor2d(out, x.shape);
}

export function l1Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  const a = yhat.dataSync();
  const b = y.dataSync();
  let loss = 0;
  for (let i = 0; i < a.length; i++) loss += Math.abs(b[i]! - a[i]!);
  return loss;
}

export function l2Loss(yhat: tf.Tensor, y: tf.Tensor): number {
  const a = yhat.dataSync();
  const b = y.dataSync();
  let loss = 0;
  for (let i = 0; i < a.length; i++) {
    const d = b[i]! - a[i]!;
    loss += d * d;
  }
  return loss;
}

export const alternative = {
  style: 'loops',
  fns: ['sigmoid', 'sigmoidDerivative', 'imageToVector', 'normalizeRows', 'softmax', 'l1Loss', 'l2Loss'],
};
