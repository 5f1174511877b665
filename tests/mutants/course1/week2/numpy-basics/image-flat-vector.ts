import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course1/week2/numpy-basics';

export const mutant = { fn: 'imageToVector', hint: 'imageToVector returns a 1-D tensor; reshape to [length·height·depth, 1], a column vector.' };

export function imageToVector(image: tf.Tensor3D): tf.Tensor2D {
  return tf.reshape(image, [-1]) as unknown as tf.Tensor2D;
}
