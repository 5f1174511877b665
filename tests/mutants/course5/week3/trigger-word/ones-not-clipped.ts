import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'insertOnes', hint: 'Steps at or beyond Ty were written: set only the steps i < Ty.' };

export function insertOnes(y: tf.Tensor2D, segmentEndMs: number, totalMs = 10000): tf.Tensor2D {
  const Ty = y.shape[1];
  const segmentEndY = Math.floor((segmentEndMs * Ty) / totalMs);
  const row = Array.from(y.dataSync());
  for (let i = segmentEndY + 1; i < segmentEndY + 51; i++) row[i] = 1;
  return tf.tensor2d([row]);
}
