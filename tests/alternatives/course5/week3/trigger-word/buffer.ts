/**
 * Correct alternative: isOverlapping as "not entirely before nor entirely after" some previous segment; insertOnes
 * written into a tf.buffer copy of y, with the step ⌊segmentEndMs · Ty / totalMs⌋ computed by integer division
 * (segmentEndMs · Ty − (segmentEndMs · Ty mod totalMs)) / totalMs. The other functions are the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import type { Segment } from '../../../../../exercises/course5/week3/trigger-word';

export { createTrainingExample, getRandomTimeSegment, insertAudioClip } from '../../../../../solutions/course5/week3/trigger-word';

export function isOverlapping(segmentTime: Segment, previousSegments: Segment[]): boolean {
  const [start, end] = segmentTime;
  for (const [prevStart, prevEnd] of previousSegments) if (!(end < prevStart || start > prevEnd)) return true;
  return false;
}

export function insertOnes(y: tf.Tensor2D, segmentEndMs: number, totalMs = 10000): tf.Tensor2D {
  const Ty = y.shape[1];
  const scaled = segmentEndMs * Ty;
  const segmentEndY = (scaled - (scaled % totalMs)) / totalMs;
  const out = y.bufferSync();
  const copy = tf.buffer<tf.Rank.R2>([1, Ty], 'float32', Float32Array.from(out.values));
  for (let k = 1; k <= 50 && segmentEndY + k < Ty; k++) copy.set(1, 0, segmentEndY + k);
  return copy.toTensor();
}

export const alternative = { style: 'buffer', fns: ['isOverlapping', 'insertOnes'] };
