/** The identity block normalising over the height axis (channels-first habit) instead of the channels. */
import * as tf from '@tensorflow/tfjs';
import type { BlockWeights, Filters } from '../../../../../solutions/course4/week2/residual-networks';
import { Stages } from './kit/stages';
export * from '../../../../../solutions/course4/week2/residual-networks';

export const mutant = {
  fn: 'identityBlock',
  hint: 'Batch norm must normalise each channel: axis 3 (the last) of [m, nH, nW, nC], not axis 1.',
};

export function identityBlock(X: tf.Tensor4D, f: number, filters: Filters, weights?: BlockWeights, training = false): tf.Tensor4D {
  const [F1, F2, F3] = filters;
  const b = new Stages(weights, training);
  // the mistake: axis 1 is the height, not the channels
  let x: tf.Tensor = b.relu(b.bn(b.conv(X, 'conv1', F1, 1, 1, 'valid'), 'bn1', 1));
  x = b.relu(b.bn(b.conv(x, 'conv2', F2, f, 1, 'same'), 'bn2', 1));
  x = b.bn(b.conv(x, 'conv3', F3, 1, 1, 'valid'), 'bn3', 1);
  return b.done(b.relu(b.add(x, X)));
}
