import * as tf from '@tensorflow/tfjs';
import type { Detections } from '../../../../../solutions/course4/week3/car-detection';
export * from '../../../../../solutions/course4/week3/car-detection';

export const mutant = {
  fn: 'yoloFilterBoxes',
  hint: 'The threshold is fixed at 0.6: use the threshold argument (0.6 is only its default).',
};

export function yoloFilterBoxes(boxConfidence: tf.Tensor4D, boxes: tf.Tensor4D, boxClassProbs: tf.Tensor4D, threshold = 0.6): Detections {
  return tf.tidy(() => {
    void threshold;
    const boxScores = tf.mul(boxConfidence, boxClassProbs);
    const boxClasses = tf.argMax(boxScores, -1).flatten();
    const boxClassScores = tf.max(boxScores, -1).flatten();
    const mask = tf.greaterEqual(boxClassScores, 0.6);
    const kept: number[] = [];
    mask.dataSync().forEach((keep, i) => {
      if (keep) kept.push(i);
    });
    const indices = tf.tensor1d(kept, 'int32');
    return [
      tf.gather(boxClassScores, indices) as tf.Tensor1D,
      tf.gather(tf.reshape(boxes, [-1, 4]), indices) as tf.Tensor2D,
      tf.gather(boxClasses, indices) as tf.Tensor1D,
    ];
  });
}
