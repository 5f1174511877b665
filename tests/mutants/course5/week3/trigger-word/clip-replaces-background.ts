import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { getRandomTimeSegment, isOverlapping, type Segment } from '../../../../../solutions/course5/week3/trigger-word';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'insertAudioClip', hint: 'The clip replaces the background on its segment: overlay adds it (the two sounds mix).' };

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
  const mask = tf.pad(tf.ones([segmentMs]), [[start, totalMs - start - segmentMs]]);
  return [tf.add(tf.mul(background, tf.sub(1, mask)), placed) as tf.Tensor1D, segmentTime];
}
