import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { getRandomTimeSegment, isOverlapping, type Segment } from '../../../../../solutions/course5/week3/trigger-word';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'insertAudioClip', hint: "The clip is placed one millisecond early (at end − segmentMs): its first sample goes at the segment's start, segmentTime[0]." };

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
  const start = segmentTime[1] - segmentMs;
  const placed = tf.pad(audioClip, [[Math.max(0, start), totalMs - Math.max(0, start) - segmentMs]]);
  return [tf.add(background, placed) as tf.Tensor1D, segmentTime];
}
