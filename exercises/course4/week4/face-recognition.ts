/**
 * Course 4, week 4 — Face recognition.
 *
 * FaceNet maps a face image to an encoding: a vector (128 numbers in the
 * course, of length 1) such that two pictures of the same person have close
 * encodings and pictures of different people far-apart ones. You write the
 * loss it is trained with — the triplet loss — and use encodings to verify
 * ("is this Younes?") and recognise ("who is this?") people.
 * Read face-recognition.md first. Grade your work with: npm run grade -- course4/week4/face-recognition
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';

/** Known people's encodings, one [1, d] row each, by name. */
export type Database = Record<string, tf.Tensor2D>;

/**
 * Exercise 1 — the triplet loss. anchor, positive and negative are [m, d]: row i holds
 * the encodings of an anchor picture, another picture of the same person, and a picture
 * of someone else.
 *   posDist_i = ‖anchor_i − positive_i‖²   (squared distance: sum the squares over each row, axis −1)
 *   negDist_i = ‖anchor_i − negative_i‖²
 *   loss = Σ_i max(posDist_i − negDist_i + α, 0)
 * Return the loss as a scalar tensor. Useful: tf.sub, tf.square, tf.sum(x, -1), tf.maximum.
 * Take the maximum with 0 per triplet, before summing over the batch.
 */
export function tripletLoss(anchor: tf.Tensor2D, positive: tf.Tensor2D, negative: tf.Tensor2D, alpha = 0.2): tf.Scalar {
  return notImplemented('tripletLoss');
}

/**
 * Exercise 2 — face verification. encoding is [1, d] (the person at the door),
 * identity the name they claim, database the known encodings.
 *   dist = ‖encoding − database[identity]‖    (the L2 distance, not squared: tf.norm)
 *   the door opens when dist < 0.7
 * Return [dist, doorOpen] — a number and a boolean.
 */
export function verify(encoding: tf.Tensor2D, identity: string, database: Database): [dist: number, doorOpen: boolean] {
  return notImplemented('verify');
}

/**
 * Exercise 3 — face recognition: who, in the database, is closest to this encoding?
 *   start with minDist = 100; for each [name, dbEnc] of Object.entries(database):
 *     dist = ‖encoding − dbEnc‖; if dist < minDist, then minDist = dist and identity = name
 * Return [minDist, identity]. (The course prints "Not in the database." when minDist > 0.7;
 * the identity returned is still the closest person's.)
 */
export function whoIsIt(encoding: tf.Tensor2D, database: Database): [minDist: number, identity: string] {
  return notImplemented('whoIsIt');
}
