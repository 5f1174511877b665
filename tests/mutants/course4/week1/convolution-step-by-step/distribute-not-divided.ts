import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = { fn: 'distributeValue', hint: 'Every entry is dz: divide it by nH·nW, so that the shares add up to dz.' };

export function distributeValue(dz: number, shape: [number, number]): tf.Tensor2D {
  return tf.fill(shape, dz);
}
