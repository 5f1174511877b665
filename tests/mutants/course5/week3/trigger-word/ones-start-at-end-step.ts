import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'insertOnes', hint: 'The ones start at segmentEndY itself: they start one step after the end, at segmentEndY + 1, for 50 steps.' };

export function insertOnes(y: tf.Tensor2D, segmentEndMs: number, totalMs = 10000): tf.Tensor2D {
  const Ty = y.shape[1];
  const segmentEndY = Math.floor((segmentEndMs * Ty) / totalMs);
  const row = Array.from(y.dataSync());
  for (let i = segmentEndY; i < segmentEndY + 50; i++) if (i < Ty) row[i] = 1;
  return tf.tensor2d(row, [1, Ty]);
}
