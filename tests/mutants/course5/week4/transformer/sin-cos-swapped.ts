/** positionalEncoding with cos on the even dimensions and sin on the odd ones. */
import * as tf from '@tensorflow/tfjs';
import { getAngles } from '../../../../../solutions/course5/week4/transformer';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'positionalEncoding',
  hint: 'sin and cos are swapped: even dimensions (k = 0, 2, …) take sin(angle), odd ones cos(angle), so PE[0, 0, :] starts 0, 1, 0, 1, …',
};

export function positionalEncoding(positions: number, d: number): tf.Tensor3D {
  return tf.tidy(() => {
    const k = tf.range(0, d).reshape([1, d]);
    const angles = getAngles(tf.range(0, positions).reshape([positions, 1]), k, d);
    const even = tf.broadcastTo(tf.equal(tf.mod(k, 2), 0), [positions, d]);
    return tf.where(even, tf.cos(angles), tf.sin(angles)).reshape([1, positions, d]) as tf.Tensor3D; // the mistake
  });
}
