import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'insertOnes', hint: 'The ones already in y are lost: start from the values of y, not from zeros.' };

export function insertOnes(y: tf.Tensor2D, segmentEndMs: number, totalMs = 10000): tf.Tensor2D {
  const Ty = y.shape[1];
  const segmentEndY = Math.floor((segmentEndMs * Ty) / totalMs);
  const row = new Array<number>(Ty).fill(0);
  for (let i = segmentEndY + 1; i < segmentEndY + 51; i++) if (i < Ty) row[i] = 1;
  return tf.tensor2d(row, [1, Ty]);
}
