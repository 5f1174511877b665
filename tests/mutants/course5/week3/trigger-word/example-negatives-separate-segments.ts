import * as tf from '@tensorflow/tfjs';
import { np } from '../../../../../lib/np-random';
import { insertAudioClip, insertOnes, type Segment } from '../../../../../solutions/course5/week3/trigger-word';
export * from '../../../../../solutions/course5/week3/trigger-word';

export const mutant = { fn: 'createTrainingExample', hint: 'The negative clips are checked against a list of their own, so they can land on an activate clip: use the same list of previous segments for every clip.' };

export function createTrainingExample(background: tf.Tensor1D, activates: tf.Tensor1D[], negatives: tf.Tensor1D[], Ty: number, seed?: number): [tf.Tensor1D, tf.Tensor2D] {
  if (seed !== undefined) np.random.seed(seed);
  const totalMs = background.shape[0];
  let y = tf.zeros([1, Ty]) as tf.Tensor2D;
  const previousSegments: Segment[] = [];
  const numberOfActivates = np.random.randint(0, 5, 1)[0]!;
  for (const i of np.random.randint(0, activates.length, numberOfActivates)) {
    let segmentTime: Segment;
    [background, segmentTime] = insertAudioClip(background, activates[i]!, previousSegments);
    y = insertOnes(y, segmentTime[1], totalMs);
  }
  const negativeSegments: Segment[] = [];
  const numberOfNegatives = np.random.randint(0, 3, 1)[0]!;
  for (const i of np.random.randint(0, negatives.length, numberOfNegatives)) {
    [background] = insertAudioClip(background, negatives[i]!, negativeSegments);
  }
  return [background, y];
}
