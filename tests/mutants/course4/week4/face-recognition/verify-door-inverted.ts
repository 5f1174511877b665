import * as tf from '@tensorflow/tfjs';
import type { Database } from '../../../../../solutions/course4/week4/face-recognition';
export * from '../../../../../solutions/course4/week4/face-recognition';

export const mutant = {
  fn: 'verify',
  hint: 'The door opens for a distance above 0.7: a small distance means the same person, so it opens when dist < 0.7.',
};

export function verify(encoding: tf.Tensor2D, identity: string, database: Database): [dist: number, doorOpen: boolean] {
  const dist = tf.tidy(() => tf.norm(tf.sub(encoding, database[identity]!)).dataSync()[0]!);
  return [dist, dist > 0.7];
}
