/** Correct alternative, course style: arraySync() and float64 loops; the loss returned with tf.scalar. */
import * as tf from '@tensorflow/tfjs';
import type { Database } from '../../../../../exercises/course4/week4/face-recognition';

export function tripletLoss(anchor: tf.Tensor2D, positive: tf.Tensor2D, negative: tf.Tensor2D, alpha = 0.2): tf.Scalar {
  const a = anchor.arraySync();
  const p = positive.arraySync();
  const n = negative.arraySync();
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    let pos = 0;
    let neg = 0;
    for (let j = 0; j < a[i]!.length; j++) {
      pos += (a[i]![j]! - p[i]![j]!) ** 2;
      neg += (a[i]![j]! - n[i]![j]!) ** 2;
    }
    const basic = pos - neg + alpha;
    if (basic > 0) total += basic;
  }
  return tf.scalar(total);
}

function l2(x: tf.Tensor2D, y: tf.Tensor2D): number {
  const a = x.dataSync();
  const b = y.dataSync();
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k]! - b[k]!) * (a[k]! - b[k]!);
  return Math.sqrt(s);
}

export function verify(encoding: tf.Tensor2D, identity: string, database: Database): [dist: number, doorOpen: boolean] {
  const dist = l2(encoding, database[identity]!);
  let doorOpen = false;
  if (dist < 0.7) doorOpen = true;
  return [dist, doorOpen];
}

export function whoIsIt(encoding: tf.Tensor2D, database: Database): [minDist: number, identity: string] {
  const names = Object.keys(database);
  let best = 0;
  let bestDist = Infinity;
  for (let k = 0; k < names.length; k++) {
    const d = l2(encoding, database[names[k]!]!);
    if (d < bestDist) {
      bestDist = d;
      best = k;
    }
  }
  return [bestDist, names[best] ?? ''];
}

export const alternative = { style: 'loops', fns: ['tripletLoss', 'verify', 'whoIsIt'] };
