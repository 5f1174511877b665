/**
 * Correct alternative, vectorised and rearranged: overlap as the negation of
 * "entirely before or entirely after"; the clip mixed in by slicing the
 * background in three and concatenating; the labels as max(y, window) with the
 * window built from tf.range comparisons; the retry loop written as a for-loop.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';

export type Segment = [number, number];

export function getRandomTimeSegment(segmentMs: number, totalMs = 10000, seed?: number): Segment {
  if (typeof seed === 'number') np.random.seed(seed);
  const s = np.random.randint(0, totalMs - segmentMs, 1)[0]!;
  return [s, s + (segmentMs - 1)];
}

export function isOverlapping(segmentTime: Segment, previousSegments: Segment[]): boolean {
  const [s, e] = segmentTime;
  return !previousSegments.every(([ps, pe]) => e < ps || s > pe);
}

export function insertAudioClip(background: tf.Tensor1D, audioClip: tf.Tensor1D, previousSegments: Segment[], seed?: number): [tf.Tensor1D, Segment] {
  if (typeof seed === 'number') np.random.seed(seed);
  const total = background.size;
  const len = audioClip.size;
  let seg = getRandomTimeSegment(len, total);
  for (let retry = 5; retry >= 0 && isOverlapping(seg, previousSegments); retry--) seg = getRandomTimeSegment(len, total);
  if (isOverlapping(seg, previousSegments)) return [background, [total, total]];
  previousSegments.push(seg);
  const [start] = seg;
  const before = tf.slice(background, [0], [start]);
  const middle = tf.add(tf.slice(background, [start], [len]), audioClip);
  const after = tf.slice(background, [start + len], [total - start - len]);
  return [tf.concat([before, middle, after]) as tf.Tensor1D, seg];
}

export function insertOnes(y: tf.Tensor2D, segmentEndMs: number, totalMs = 10000): tf.Tensor2D {
  const Ty = y.shape[1];
  const endY = Math.floor((segmentEndMs * Ty) / totalMs);
  const idx = tf.range(0, Ty, 1, 'int32');
  const window = tf.logicalAnd(tf.greater(idx, endY), tf.lessEqual(idx, endY + 50));
  return tf.maximum(y, tf.reshape(tf.cast(window, 'float32'), [1, Ty])) as tf.Tensor2D;
}

export function createTrainingExample(background: tf.Tensor1D, activates: tf.Tensor1D[], negatives: tf.Tensor1D[], Ty: number, seed?: number): [tf.Tensor1D, tf.Tensor2D] {
  if (typeof seed === 'number') np.random.seed(seed);
  const totalMs = background.size;
  const taken: Segment[] = [];
  let audio = background;
  const ends: number[] = [];
  const nAct = np.random.randint(0, 5, 1)[0]!;
  for (const a of np.random.randint(0, activates.length, nAct).map((i) => activates[i]!)) {
    const [next, seg] = insertAudioClip(audio, a, taken);
    audio = next;
    ends.push(seg[1]);
  }
  const nNeg = np.random.randint(0, 3, 1)[0]!;
  for (const n of np.random.randint(0, negatives.length, nNeg).map((i) => negatives[i]!)) audio = insertAudioClip(audio, n, taken)[0];
  const y = ends.reduce((acc, end) => insertOnes(acc, end, totalMs), tf.zeros([1, Ty]) as tf.Tensor2D);
  return [audio, y];
}

export const alternative = { style: 'reordered', fns: ['getRandomTimeSegment', 'isOverlapping', 'insertAudioClip', 'insertOnes', 'createTrainingExample'] };
