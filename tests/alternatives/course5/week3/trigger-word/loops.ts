/**
 * Correct alternative, course style: audio read with dataSync() into a plain
 * array, the clip added sample by sample in a loop, labels set in a loop, and
 * the results rebuilt with tf.tensor.
 */
import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';

export type Segment = [number, number];

export function getRandomTimeSegment(segmentMs: number, totalMs = 10000, seed?: number): Segment {
  if (seed !== undefined) np.random.seed(seed);
  const [segmentStart] = np.random.randint(0, totalMs - segmentMs, 1) as [number];
  const segmentEnd = segmentStart + segmentMs - 1;
  return [segmentStart, segmentEnd];
}

export function isOverlapping(segmentTime: Segment, previousSegments: Segment[]): boolean {
  const [segmentStart, segmentEnd] = segmentTime;
  let overlap = false;
  for (const [previousStart, previousEnd] of previousSegments) {
    if (segmentStart <= previousEnd && segmentEnd >= previousStart) overlap = true;
  }
  return overlap;
}

export function insertAudioClip(background: tf.Tensor1D, audioClip: tf.Tensor1D, previousSegments: Segment[], seed?: number): [tf.Tensor1D, Segment] {
  if (seed !== undefined) np.random.seed(seed);
  const bg = Array.from(background.dataSync());
  const clip = Array.from(audioClip.dataSync());
  const totalMs = bg.length;
  let segmentTime = getRandomTimeSegment(clip.length, totalMs);
  let retry = 5;
  while (isOverlapping(segmentTime, previousSegments) && retry >= 0) {
    segmentTime = getRandomTimeSegment(clip.length, totalMs);
    retry = retry - 1;
  }
  if (!isOverlapping(segmentTime, previousSegments)) {
    previousSegments.push(segmentTime);
    for (let i = 0; i < clip.length; i++) bg[segmentTime[0] + i]! += clip[i]!;
    return [tf.tensor1d(bg), segmentTime];
  }
  return [tf.tensor1d(bg), [totalMs, totalMs]];
}

export function insertOnes(y: tf.Tensor2D, segmentEndMs: number, totalMs = 10000): tf.Tensor2D {
  const Ty = y.shape[1];
  const labels = (y.arraySync() as number[][])[0]!;
  const segmentEndY = Math.floor((segmentEndMs * Ty) / totalMs);
  for (let i = segmentEndY + 1; i <= segmentEndY + 50 && i < Ty; i++) labels[i] = 1;
  return tf.tensor2d([labels], [1, Ty]);
}

export function createTrainingExample(background: tf.Tensor1D, activates: tf.Tensor1D[], negatives: tf.Tensor1D[], Ty: number, seed?: number): [tf.Tensor1D, tf.Tensor2D] {
  if (seed !== undefined) np.random.seed(seed);
  const totalMs = background.shape[0];
  let y = tf.tensor2d([new Array<number>(Ty).fill(0)], [1, Ty]);
  const previousSegments: Segment[] = [];
  const numberOfActivates = np.random.randint(0, 5, 1)[0]!;
  const randomIndices = np.random.randint(0, activates.length, numberOfActivates);
  const randomActivates = randomIndices.map((i) => activates[i]!);
  for (const randomActivate of randomActivates) {
    const [bg, segmentTime] = insertAudioClip(background, randomActivate, previousSegments);
    background = bg;
    const [, segmentEnd] = segmentTime;
    y = insertOnes(y, segmentEnd, totalMs);
  }
  const numberOfNegatives = np.random.randint(0, 3, 1)[0]!;
  const negIndices = np.random.randint(0, negatives.length, numberOfNegatives);
  for (let n = 0; n < negIndices.length; n++) {
    background = insertAudioClip(background, negatives[negIndices[n]!]!, previousSegments)[0];
  }
  return [background, y];
}

export const alternative = { style: 'loops', fns: ['getRandomTimeSegment', 'isOverlapping', 'insertAudioClip', 'insertOnes', 'createTrainingExample'] };
