/**
 * Course 4, week 4 — Face recognition.
 * Reference solution.
 */
import * as tf from '@tensorflow/tfjs';

/** Known people's encodings, one [1, d] row each, by name. */
export type Database = Record<string, tf.Tensor2D>;

/** Σ over the batch of max(‖a − p‖² − ‖a − n‖² + α, 0); anchor, positive, negative are [m, d]. */
export function tripletLoss(anchor: tf.Tensor2D, positive: tf.Tensor2D, negative: tf.Tensor2D, alpha = 0.2): tf.Scalar {
  return tf.tidy(() => {
    const posDist = tf.sum(tf.square(tf.sub(anchor, positive)), -1);
    const negDist = tf.sum(tf.square(tf.sub(anchor, negative)), -1);
    const basicLoss = tf.add(tf.sub(posDist, negDist), alpha);
    return tf.sum(tf.maximum(basicLoss, 0)) as tf.Scalar;
  });
}

/** Face verification: [‖encoding − database[identity]‖, distance < 0.7]. */
export function verify(encoding: tf.Tensor2D, identity: string, database: Database): [dist: number, doorOpen: boolean] {
  const dist = tf.tidy(() => tf.norm(tf.sub(encoding, database[identity]!)).dataSync()[0]!);
  return [dist, dist < 0.7];
}

/** Face recognition: the closest person in the database, [minDist, identity]; "not in the database" when minDist > 0.7 (identity is still the closest). */
export function whoIsIt(encoding: tf.Tensor2D, database: Database): [minDist: number, identity: string] {
  let minDist = 100;
  let identity = '';
  for (const [name, dbEnc] of Object.entries(database)) {
    const dist = tf.tidy(() => tf.norm(tf.sub(encoding, dbEnc)).dataSync()[0]!);
    if (dist < minDist) {
      minDist = dist;
      identity = name;
    }
  }
  return [minDist, identity];
}
