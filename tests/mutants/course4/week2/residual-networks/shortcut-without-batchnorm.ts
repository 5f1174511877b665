/** The convolutional block whose shortcut has its conv but no batch norm. */
import * as tf from '@tensorflow/tfjs';
import type { BlockWeights, Filters } from '../../../../../solutions/course4/week2/residual-networks';
import { Stages } from './kit/stages';
export * from '../../../../../solutions/course4/week2/residual-networks';

export const mutant = {
  fn: 'convolutionalBlock',
  hint: "The shortcut is CONV2D (1×1, stride s) followed by its own BATCHNORM (shortcutBn): the batch norm is missing.",
};

export function convolutionalBlock(X: tf.Tensor4D, f: number, filters: Filters, s = 2, weights?: BlockWeights, training = false): tf.Tensor4D {
  const [F1, F2, F3] = filters;
  const b = new Stages(weights, training);
  let x: tf.Tensor = b.relu(b.bn(b.conv(X, 'conv1', F1, 1, s, 'valid'), 'bn1'));
  x = b.relu(b.bn(b.conv(x, 'conv2', F2, f, 1, 'same'), 'bn2'));
  x = b.bn(b.conv(x, 'conv3', F3, 1, 1, 'valid'), 'bn3');
  const shortcut = b.conv(X, 'shortcutConv', F3, 1, s, 'valid'); // the mistake: no batch norm after it
  return b.done(b.relu(b.add(x, shortcut)));
}
