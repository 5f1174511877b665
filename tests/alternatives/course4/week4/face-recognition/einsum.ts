/**
 * Correct alternative, einsum style: the squared distances as tf.einsum('ij,ij->i', d, d) of the differences, the
 * hinge as tf.relu; verify and whoIsIt with the distance √(Σ d²) taken by tf.einsum too, whoIsIt by a reduce.
 */
import * as tf from '@tensorflow/tfjs';
import type { Database } from '../../../../../exercises/course4/week4/face-recognition';

const squaredNorms = (d: tf.Tensor2D) => tf.einsum('ij,ij->i', d, d);

export function tripletLoss(anchor: tf.Tensor2D, positive: tf.Tensor2D, negative: tf.Tensor2D, alpha = 0.2): tf.Scalar {
  return tf.tidy(() => {
    const posDist = squaredNorms(tf.sub(anchor, positive) as tf.Tensor2D);
    const negDist = squaredNorms(tf.sub(anchor, negative) as tf.Tensor2D);
    return tf.sum(tf.relu(tf.sub(tf.add(posDist, alpha), negDist))) as tf.Scalar;
  });
}

const distance = (a: tf.Tensor2D, b: tf.Tensor2D) => tf.tidy(() => Math.sqrt(squaredNorms(tf.sub(a, b) as tf.Tensor2D).sum().dataSync()[0]!));

export function verify(encoding: tf.Tensor2D, identity: string, database: Database): [dist: number, doorOpen: boolean] {
  const dist = distance(encoding, database[identity]!);
  return [dist, dist < 0.7];
}

export function whoIsIt(encoding: tf.Tensor2D, database: Database): [minDist: number, identity: string] {
  return Object.entries(database).reduce<[number, string]>(
    (best, [name, dbEnc]) => {
      const dist = distance(encoding, dbEnc);
      return dist < best[0] ? [dist, name] : best;
    },
    [100, ''],
  );
}

export const alternative = { style: 'einsum', fns: ['tripletLoss', 'verify', 'whoIsIt'] };
