import * as tf from '@tensorflow/tfjs';
export * from '../../../../../solutions/course4/week1/convolution-step-by-step';

export const mutant = { fn: 'createMaskFromWindow', hint: 'On a tie the mask marks the last maximum: mark the first one, in row-major order (what tf.argMax returns).' };

export function createMaskFromWindow(x: tf.Tensor2D): tf.Tensor2D {
  const values = x.dataSync();
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! >= values[best]!) best = k;
  const mask = new Float32Array(values.length);
  mask[best] = 1;
  return tf.tensor2d(mask, x.shape);
}
