/** The convolutional block striding in its f × f convolution instead of the first 1×1 one. */
import * as tf from '@tensorflow/tfjs';
import type { BlockWeights, Filters } from '../../../../../solutions/course4/week2/residual-networks';
import { Stages } from './kit/stages';
export * from '../../../../../solutions/course4/week2/residual-networks';

export const mutant = {
  fn: 'convolutionalBlock',
  hint: "The stride s belongs to the main path's first 1×1 convolution (and the shortcut's); the middle f × f convolution has stride 1.",
};

export function convolutionalBlock(X: tf.Tensor4D, f: number, filters: Filters, s = 2, weights?: BlockWeights, training = false): tf.Tensor4D {
  const [F1, F2, F3] = filters;
  const b = new Stages(weights, training);
  let x: tf.Tensor = b.relu(b.bn(b.conv(X, 'conv1', F1, 1, 1, 'valid'), 'bn1'));
  x = b.relu(b.bn(b.conv(x, 'conv2', F2, f, s, 'same'), 'bn2')); // the mistake: the stride is here
  x = b.bn(b.conv(x, 'conv3', F3, 1, 1, 'valid'), 'bn3');
  const shortcut = b.bn(b.conv(X, 'shortcutConv', F3, 1, s, 'valid'), 'shortcutBn');
  return b.done(b.relu(b.add(x, shortcut)));
}
