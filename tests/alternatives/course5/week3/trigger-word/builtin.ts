/**
 * Correct alternative in a tf.buffer / typed-array style: overlap as a non-empty
 * intersection (max of starts ≤ min of ends); the clip mixed in through a
 * tf.buffer of the background; the labels set in a tf.buffer; the training
 * example's labels collected into one Float32Array.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';

export type Segment = [number, number];

export function getRandomTimeSegment(segmentMs: number, totalMs = 10000, seed?: number): Segment {
  if (seed !== undefined) np.random.seed(seed);
  const start = np.random.randint(0, totalMs - segmentMs, 1).at(0)!;
  return [start, start + segmentMs - 1];
}

export function isOverlapping(segmentTime: Segment, previousSegments: Segment[]): boolean {
  return previousSegments.some((prev) => Math.max(segmentTime[0], prev[0]) <= Math.min(segmentTime[1], prev[1]));
}

export function insertAudioClip(background: tf.Tensor1D, audioClip: tf.Tensor1D, previousSegments: Segment[], seed?: number): [tf.Tensor1D, Segment] {
  if (seed !== undefined) np.random.seed(seed);
  const totalMs = background.shape[0];
  const clip = audioClip.dataSync();
  let segment = getRandomTimeSegment(clip.length, totalMs);
  let tries = 0;
  while (isOverlapping(segment, previousSegments) && tries < 6) {
    segment = getRandomTimeSegment(clip.length, totalMs);
    tries++;
  }
  if (isOverlapping(segment, previousSegments)) return [background, [totalMs, totalMs]];
  previousSegments.push(segment);
  const buf = tf.buffer([totalMs], 'float32', Float32Array.from(background.dataSync()));
  clip.forEach((v, i) => buf.set(buf.get(segment[0] + i) + v, segment[0] + i));
  return [buf.toTensor() as tf.Tensor1D, segment];
}

export function insertOnes(y: tf.Tensor2D, segmentEndMs: number, totalMs = 10000): tf.Tensor2D {
  const Ty = y.shape[1];
  const buf = tf.buffer([1, Ty], 'float32', Float32Array.from(y.dataSync()));
  const endY = Math.floor((segmentEndMs * Ty) / totalMs);
  for (let step = 1; step <= 50; step++) if (endY + step < Ty) buf.set(1, 0, endY + step);
  return buf.toTensor() as tf.Tensor2D;
}

export function createTrainingExample(background: tf.Tensor1D, activates: tf.Tensor1D[], negatives: tf.Tensor1D[], Ty: number, seed?: number): [tf.Tensor1D, tf.Tensor2D] {
  if (seed !== undefined) np.random.seed(seed);
  const totalMs = background.shape[0];
  const labels = new Float32Array(Ty);
  const segments: Segment[] = [];
  let x = background;
  const howMany = np.random.randint(0, 5, 1)[0]!;
  const picks = np.random.randint(0, activates.length, howMany);
  for (const p of picks) {
    const [next, [, end]] = insertAudioClip(x, activates[p]!, segments);
    x = next;
    const endY = Math.floor((end * Ty) / totalMs);
    labels.fill(1, Math.min(Ty, endY + 1), Math.min(Ty, endY + 51));
  }
  const howManyNeg = np.random.randint(0, 3, 1)[0]!;
  for (const p of np.random.randint(0, negatives.length, howManyNeg)) [x] = insertAudioClip(x, negatives[p]!, segments);
  return [x, tf.tensor2d(labels, [1, Ty])];
}

export const alternative = { style: 'builtin', fns: ['getRandomTimeSegment', 'isOverlapping', 'insertAudioClip', 'insertOnes', 'createTrainingExample'] };
