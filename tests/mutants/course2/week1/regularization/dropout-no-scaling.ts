import * as tf from '@tensorflow/tfjs';
import { computeCost } from '../../../../../lib/datasets/course2-week1-utils';
import { np } from '../../../../../lib/np-random';
import type { Cache, DropoutCache, Gradients, ThreeLayerParameters } from '../../../../../solutions/course2/week1/regularization';
export * from '../../../../../solutions/course2/week1/regularization';

export const mutant = {
  fn: 'forwardPropagationWithDropout',
  hint: 'After the mask, divide A1 and A2 by keepProb (inverted dropout), so their expected value does not change.',
};

export function forwardPropagationWithDropout(X: tf.Tensor2D, parameters: ThreeLayerParameters, keepProb = 0.5): [tf.Tensor2D, DropoutCache] {
  np.random.seed(1);
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  const mask = (rows: number, cols: number) => tf.tensor2d(np.random.rand(rows, cols).map((d) => (d < keepProb ? 1 : 0)), [rows, cols]);
  const Z1 = tf.add(tf.matMul(W1, X), b1) as tf.Tensor2D;
  const D1 = mask(Z1.shape[0], Z1.shape[1]);
  const R1 = tf.relu(Z1);
  const A1 = R1.mul(D1) as tf.Tensor2D;
  const Z2 = tf.add(tf.matMul(W2, A1), b2) as tf.Tensor2D;
  const D2 = mask(Z2.shape[0], Z2.shape[1]);
  const R2 = tf.relu(Z2);
  const A2 = R2.mul(D2) as tf.Tensor2D;
  const Z3 = tf.add(tf.matMul(W3, A2), b3) as tf.Tensor2D;
  const A3 = tf.sigmoid(Z3);
  return [A3, [Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3]];
}
