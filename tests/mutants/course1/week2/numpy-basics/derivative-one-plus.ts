import * as tf from '@tensorflow/tfjs';
import { sigmoid } from '../../../../../solutions/course1/week2/numpy-basics';
export * from '../../../../../solutions/course1/week2/numpy-basics';

export const mutant = { fn: 'sigmoidDerivative', hint: 'The derivative is computed as σ(x)·(1 + σ(x)); it is σ(x)·(1 − σ(x)).' };

export function sigmoidDerivative(x: tf.Tensor): tf.Tensor {
  const s = sigmoid(x);
  return tf.mul(s, tf.add(1, s));
}
