import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { getRandomTimeSegment, isOverlapping, type Segment } from '../../../../../solutions/course5/week3/trigger-word';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'insertAudioClip', hint: 'A segment that overlaps is drawn again, up to 6 more times (retry = 5 while retry >= 0), before giving up.' };

export function insertAudioClip(background: tf.Tensor1D, audioClip: tf.Tensor1D, previousSegments: Segment[], seed?: number): [tf.Tensor1D, Segment] {
  if (seed !== undefined) np.random.seed(seed);
  const totalMs = background.shape[0];
  const segmentMs = audioClip.shape[0];
  let segmentTime = getRandomTimeSegment(segmentMs, totalMs);
  let retry = -1;
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
