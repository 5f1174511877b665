import * as tf from '@tensorflow/tfjs';
import type { Database } from '../../../../../solutions/course4/week4/face-recognition';
export * from '../../../../../solutions/course4/week4/face-recognition';

export const mutant = {
  fn: 'verify',
  hint: 'The distance is squared: verification uses the L2 distance ‖encoding − database[identity]‖ (tf.norm), compared with 0.7.',
};

export function verify(encoding: tf.Tensor2D, identity: string, database: Database): [dist: number, doorOpen: boolean] {
  const dist = tf.tidy(() => tf.sum(tf.square(tf.sub(encoding, database[identity]!))).dataSync()[0]!);
  return [dist, dist < 0.7];
}
