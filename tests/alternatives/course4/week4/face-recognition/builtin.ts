/** Correct alternative: tf.squaredDifference, tf.norm along an axis, tf.relu; whoIsIt stacks the database and takes tf.argMin. */
import * as tf from '@tensorflow/tfjs';
import type { Database } from '../../../../../exercises/course4/week4/face-recognition';

export function tripletLoss(anchor: tf.Tensor2D, positive: tf.Tensor2D, negative: tf.Tensor2D, alpha = 0.2): tf.Scalar {
  return tf.tidy(() => {
    const pos = tf.squaredDifference(anchor, positive).sum(-1);
    const neg = tf.squaredDifference(anchor, negative).sum(-1);
    return tf.relu(pos.sub(neg).add(alpha)).sum() as tf.Scalar;
  });
}

export function verify(encoding: tf.Tensor2D, identity: string, database: Database): [dist: number, doorOpen: boolean] {
  const dist = tf.tidy(() => tf.norm(encoding.sub(database[identity]!), 'euclidean').dataSync()[0]!);
  return [dist, dist < 0.7];
}

export function whoIsIt(encoding: tf.Tensor2D, database: Database): [minDist: number, identity: string] {
  const names = Object.keys(database);
  const [dist, index] = tf.tidy(() => {
    const all = tf.concat(names.map((n) => database[n]!), 0); // [people, d]
    const dists = tf.norm(all.sub(encoding), 'euclidean', 1);
    const i = tf.argMin(dists);
    return [tf.min(dists).dataSync()[0]!, i.dataSync()[0]!];
  });
  return [dist, names[index]!];
}

export const alternative = { style: 'builtin', fns: ['tripletLoss', 'verify', 'whoIsIt'] };
