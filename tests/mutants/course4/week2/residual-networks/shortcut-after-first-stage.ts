/** The identity block whose shortcut is saved after the first stage has already replaced X. */
import * as tf from '@tensorflow/tfjs';
import type { BlockWeights, Filters } from '../../../../../solutions/course4/week2/residual-networks';
import { Stages } from './kit/stages';
export * from '../../../../../solutions/course4/week2/residual-networks';

export const mutant = {
  fn: 'identityBlock',
  hint: 'The shortcut must be the block input X, saved before the main path changes it: here an intermediate activation is added instead.',
};

export function identityBlock(X: tf.Tensor4D, f: number, filters: Filters, weights?: BlockWeights, training = false): tf.Tensor4D {
  const [F1, F2, F3] = filters;
  const b = new Stages(weights, training);
  let x: tf.Tensor = X;
  x = b.relu(b.bn(b.conv(x, 'conv1', F1, 1, 1, 'valid'), 'bn1'));
  const shortcut = x; // the mistake: x is no longer the input
  x = b.relu(b.bn(b.conv(x, 'conv2', F2, f, 1, 'same'), 'bn2'));
  x = b.bn(b.conv(x, 'conv3', F3, 1, 1, 'valid'), 'bn3');
  return b.done(b.relu(b.add(x, shortcut)));
}
