import type * as TF from '@tensorflow/tfjs';
import { fromTf } from './codec';
import type { CheckContext } from './define';
import { isNdArray, type NdArray } from './ndarray';

/**
 * Computes an expected value with TensorFlow.js itself — an oracle independent
 * of both the learner's code and the reference solution (tf.conv2d for a
 * convolution, tf.image.nonMaxSuppression for NMS, tf.grad for a gradient).
 */
export async function tfOracle(
  ctx: CheckContext,
  compute: (tf: typeof TF, tensor: (a: NdArray) => TF.Tensor) => TF.Tensor,
): Promise<NdArray> {
  const tf = await ctx.tf();
  const out = tf.tidy(() => compute(tf, (a) => tf.tensor(a.data, a.shape, a.dtype)));
  try {
    const value = fromTf(out, tf);
    if (!isNdArray(value)) throw new Error('the oracle did not compute a tensor');
    return value;
  } finally {
    out.dispose();
  }
}
