/**
 * Sequence models, week 3 — Trigger word detection: data synthesis.
 * Read trigger-word.md first. Grade your work with: npm run grade -- course5/week3/trigger-word
 *
 * Replace each `notImplemented(...)` line with your code; keep the signatures.
 *
 * Audio is a 1-D tensor of samples, one per millisecond (the course indexes its
 * clips in ms): a background of totalMs samples (10 000 in the course), clips
 * of a few hundred. Labels y are [1, Ty] (Ty = 1375 in the course).
 * Random draws use numpy's stream: np from lib/np-random.ts, like the course's
 * np.random.randint. A function given a seed calls np.random.seed(seed) first;
 * your own calls between your functions leave the seed out.
 */
import * as tf from '@tensorflow/tfjs';
import { notImplemented } from '../../../lib/not-implemented';
import { np } from '../../../lib/np-random';

/** [start, end] in ms, both included. */
export type Segment = [number, number];

/**
 * A random segment of segmentMs ms inside the background:
 * start = np.random.randint(0, totalMs − segmentMs, 1)[0], end = start + segmentMs − 1.
 */
export function getRandomTimeSegment(segmentMs: number, totalMs = 10000, seed?: number): Segment {
  return notImplemented('getRandomTimeSegment');
}

/** True when the segment shares at least one millisecond with one of the previous segments (ends included). */
export function isOverlapping(segmentTime: Segment, previousSegments: Segment[]): boolean {
  return notImplemented('isOverlapping');
}

/**
 * Overlays (adds, sample by sample) the clip onto the background at a random
 * segment that does not overlap the previous ones. Draw a segment; while it
 * overlaps, draw again, at most 6 more times (retry = 5 … while retry >= 0).
 * If it still overlaps: return the background unchanged and [totalMs, totalMs].
 * Otherwise push the segment onto previousSegments and return the new
 * background and the segment. totalMs is the background's length.
 */
export function insertAudioClip(background: tf.Tensor1D, audioClip: tf.Tensor1D, previousSegments: Segment[], seed?: number): [tf.Tensor1D, Segment] {
  return notImplemented('insertAudioClip');
}

/**
 * A new y with the 50 label steps after the clip's end set to 1: from
 * segmentEndY + 1 to segmentEndY + 50 (only those below Ty), where
 * segmentEndY = floor(segmentEndMs · Ty / totalMs). Other entries keep their values.
 */
export function insertOnes(y: tf.Tensor2D, segmentEndMs: number, totalMs = 10000): tf.Tensor2D {
  return notImplemented('insertOnes');
}

/**
 * One training example: y = zeros [1, Ty] and one list of previous segments;
 * np.random.randint(0, 5, 1)[0] "activate" clips, picked with
 * np.random.randint(0, activates.length, count), each inserted then labelled
 * with insertOnes at its segment's end; then np.random.randint(0, 3, 1)[0]
 * negative clips picked the same way, inserted without labels.
 * Returns [x, y]: the synthesized audio and the labels.
 */
export function createTrainingExample(background: tf.Tensor1D, activates: tf.Tensor1D[], negatives: tf.Tensor1D[], Ty: number, seed?: number): [tf.Tensor1D, tf.Tensor2D] {
  return notImplemented('createTrainingExample');
}
