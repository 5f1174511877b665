import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { insertAudioClip, insertOnes, type Segment } from '../../../../../solutions/course5/week3/trigger-word';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'createTrainingExample', hint: 'Each clip is inserted with a new, empty list of previous segments, so clips land on top of each other: keep one list for the whole example.' };

export function createTrainingExample(background: tf.Tensor1D, activates: tf.Tensor1D[], negatives: tf.Tensor1D[], Ty: number, seed?: number): [tf.Tensor1D, tf.Tensor2D] {
  if (seed !== undefined) np.random.seed(seed);
  const totalMs = background.shape[0];
  let y = tf.zeros([1, Ty]) as tf.Tensor2D;
  const previousSegments: Segment[] = [];
  const numberOfActivates = np.random.randint(0, 5, 1)[0]!;
  for (const i of np.random.randint(0, activates.length, numberOfActivates)) {
    let segmentTime: Segment;
    [background, segmentTime] = insertAudioClip(background, activates[i]!, []);
    y = insertOnes(y, segmentTime[1], totalMs);
  }
  const numberOfNegatives = np.random.randint(0, 3, 1)[0]!;
  for (const i of np.random.randint(0, negatives.length, numberOfNegatives)) {
    [background] = insertAudioClip(background, negatives[i]!, []);
  }
  return [background, y];
}
