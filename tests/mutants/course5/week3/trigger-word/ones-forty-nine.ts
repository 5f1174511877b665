import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'insertOnes', hint: 'Only 49 steps are set: the ones run from segmentEndY + 1 to segmentEndY + 50, both included.' };

export function insertOnes(y: tf.Tensor2D, segmentEndMs: number, totalMs = 10000): tf.Tensor2D {
  const Ty = y.shape[1];
  const segmentEndY = Math.floor((segmentEndMs * Ty) / totalMs);
  const row = Array.from(y.dataSync());
  for (let i = segmentEndY + 1; i < segmentEndY + 50; i++) if (i < Ty) row[i] = 1;
  return tf.tensor2d(row, [1, Ty]);
}
