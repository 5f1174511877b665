/**
 * Course 5, week 3 — Trigger word detection: data synthesis.
 * Reference solution.
 *
 * Audio is a 1-D tensor of samples, one per millisecond (the course indexes its
 * pydub clips in ms): a background of totalMs samples (10 000 in the course),
 * clips of a few hundred. Labels y are [1, Ty] (Ty = 1375 in the course).
 * Random draws use numpy's stream (np from lib/np-random.ts) like the course's
 * np.random.randint; a function given a seed calls np.random.seed(seed) first.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../lib/np-random';

/** [start, end] in ms, both included. */
export type Segment = [number, number];

/** A random segment of segmentMs ms inside [0, totalMs): start = np.random.randint(0, totalMs − segmentMs). */
export function getRandomTimeSegment(segmentMs: number, totalMs = 10000, seed?: number): Segment {
  if (seed !== undefined) np.random.seed(seed);
  const start = np.random.randint(0, totalMs - segmentMs, 1)[0]!;
  return [start, start + segmentMs - 1];
}

/** True when the segment shares at least one millisecond with one of the previous segments (ends included). */
export function isOverlapping(segmentTime: Segment, previousSegments: Segment[]): boolean {
  const [start, end] = segmentTime;
  return previousSegments.some(([prevStart, prevEnd]) => start <= prevEnd && end >= prevStart);
}

/**
 * Overlays (adds) the clip onto the background at a random segment that does
 * not overlap the previous ones: one draw, then up to 6 more while it overlaps
 * (the course's retry = 5 … while retry >= 0). On success the segment is pushed
 * onto previousSegments; otherwise the background comes back unchanged with the
 * segment [totalMs, totalMs].
 */
export function insertAudioClip(background: tf.Tensor1D, audioClip: tf.Tensor1D, previousSegments: Segment[], seed?: number): [tf.Tensor1D, Segment] {
  if (seed !== undefined) np.random.seed(seed);
  const totalMs = background.shape[0];
  const segmentMs = audioClip.shape[0];
  let segmentTime = getRandomTimeSegment(segmentMs, totalMs);
  let retry = 5;
  while (isOverlapping(segmentTime, previousSegments) && retry >= 0) {
    segmentTime = getRandomTimeSegment(segmentMs, totalMs);
    retry -= 1;
  }
  if (isOverlapping(segmentTime, previousSegments)) return [background, [totalMs, totalMs]];
  previousSegments.push(segmentTime);
  const start = segmentTime[0];
  const placed = tf.pad(audioClip, [[start, totalMs - start - segmentMs]]);
  return [tf.add(background, placed) as tf.Tensor1D, segmentTime];
}

/**
 * Sets to 1 the 50 label steps after the clip's end: from
 * segmentEndY + 1 to segmentEndY + 50 (those below Ty), where
 * segmentEndY = floor(segmentEndMs · Ty / totalMs). Returns a new y.
 */
export function insertOnes(y: tf.Tensor2D, segmentEndMs: number, totalMs = 10000): tf.Tensor2D {
  const Ty = y.shape[1];
  const segmentEndY = Math.floor((segmentEndMs * Ty) / totalMs);
  const row = Array.from(y.dataSync());
  for (let i = segmentEndY + 1; i < segmentEndY + 51; i++) if (i < Ty) row[i] = 1;
  return tf.tensor2d(row, [1, Ty]);
}

/**
 * One training example: np.random.randint(0, 5) "activate" clips chosen with
 * np.random.randint(0, activates.length, count), each inserted with its labels;
 * then np.random.randint(0, 3) negative clips chosen the same way, inserted
 * without labels; all in one list of previous segments. Returns [x, y]: the
 * synthesized audio and the labels [1, Ty].
 */
export function createTrainingExample(background: tf.Tensor1D, activates: tf.Tensor1D[], negatives: tf.Tensor1D[], Ty: number, seed?: number): [tf.Tensor1D, tf.Tensor2D] {
  if (seed !== undefined) np.random.seed(seed);
  const totalMs = background.shape[0];
  let y = tf.zeros([1, Ty]) as tf.Tensor2D;
  const previousSegments: Segment[] = [];
  const numberOfActivates = np.random.randint(0, 5, 1)[0]!;
  for (const i of np.random.randint(0, activates.length, numberOfActivates)) {
    let segmentTime: Segment;
    [background, segmentTime] = insertAudioClip(background, activates[i]!, previousSegments);
    y = insertOnes(y, segmentTime[1], totalMs);
  }
  const numberOfNegatives = np.random.randint(0, 3, 1)[0]!;
  for (const i of np.random.randint(0, negatives.length, numberOfNegatives)) {
    [background] = insertAudioClip(background, negatives[i]!, previousSegments);
  }
  return [background, y];
}
