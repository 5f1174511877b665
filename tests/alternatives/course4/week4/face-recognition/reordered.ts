/**
 * Correct alternative: ‖a − p‖² − ‖a − n‖² written as (n − p)·(2a − p − n) (one row-wise dot
 * product), the hinge as tf.relu, α added per row before; verify through the squared distance
 * compared with 0.7²; whoIsIt walks the database from the last entry, keeping ties of the earlier one.
 */
import * as tf from '@tensorflow/tfjs';
import type { Database } from '../../../../../exercises/course4/week4/face-recognition';

export function tripletLoss(anchor: tf.Tensor2D, positive: tf.Tensor2D, negative: tf.Tensor2D, alpha = 0.2): tf.Scalar {
  return tf.tidy(() => {
    const diff = tf.sub(negative, positive);
    const other = tf.sub(tf.mul(anchor, 2), tf.add(positive, negative));
    const gap = tf.sum(tf.mul(diff, other), 1);
    return tf.relu(tf.add(gap, alpha)).sum() as tf.Scalar;
  });
}

function distance(x: tf.Tensor2D, y: tf.Tensor2D): number {
  return tf.tidy(() => Math.sqrt(tf.sum(tf.squaredDifference(y, x)).arraySync() as number));
}

export function verify(encoding: tf.Tensor2D, identity: string, database: Database): [dist: number, doorOpen: boolean] {
  const dist = distance(encoding, database[identity]!);
  return [dist, !(dist >= 0.7)];
}

export function whoIsIt(encoding: tf.Tensor2D, database: Database): [minDist: number, identity: string] {
  const entries = Object.entries(database);
  let identity = '';
  let minDist = Infinity;
  for (let k = entries.length - 1; k >= 0; k--) {
    const [name, enc] = entries[k]!;
    const d = distance(encoding, enc);
    if (d <= minDist) {
      minDist = d;
      identity = name;
    }
  }
  return [minDist, identity];
}

export const alternative = { style: 'reordered', fns: ['tripletLoss', 'verify', 'whoIsIt'] };
