import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { getRandomTimeSegment, isOverlapping, type Segment } from '../../../../../solutions/course5/week3/trigger-word';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'insertAudioClip', hint: 'After the last retry, check the overlap again: if it still overlaps, return the background unchanged and [totalMs, totalMs].' };

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
  // The mistake: no check after the last retry.
  previousSegments.push(segmentTime);
  const start = segmentTime[0];
  const placed = tf.pad(audioClip, [[start, totalMs - start - segmentMs]]);
  return [tf.add(background, placed) as tf.Tensor1D, segmentTime];
}
