/** The convolutional block applying its layers without { training }: batch norm always uses its moving statistics. */
import * as tf from '@tensorflow/tfjs';
import type { BlockWeights, Filters } from '../../../../../solutions/course4/week2/residual-networks';
import { Stages } from './kit/stages';
export * from '../../../../../solutions/course4/week2/residual-networks';

export const mutant = {
  fn: 'convolutionalBlock',
  hint: 'Pass { training } to every layer you apply (layer.apply(x, { training })): batch norm uses the batch mean and variance when training is true, its moving mean and variance when it is false.',
};

export function convolutionalBlock(X: tf.Tensor4D, f: number, filters: Filters, s = 2, weights?: BlockWeights, training = false): tf.Tensor4D {
  void training; // the mistake: the flag never reaches the layers, as with layer.apply(x) and no options
  const [F1, F2, F3] = filters;
  const b = new Stages(weights, false);
  let x: tf.Tensor = b.relu(b.bn(b.conv(X, 'conv1', F1, 1, s, 'valid'), 'bn1'));
  x = b.relu(b.bn(b.conv(x, 'conv2', F2, f, 1, 'same'), 'bn2'));
  x = b.bn(b.conv(x, 'conv3', F3, 1, 1, 'valid'), 'bn3');
  const shortcut = b.bn(b.conv(X, 'shortcutConv', F3, 1, s, 'valid'), 'shortcutBn');
  return b.done(b.relu(b.add(x, shortcut)));
}
