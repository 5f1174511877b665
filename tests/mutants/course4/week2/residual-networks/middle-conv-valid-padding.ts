/** The identity block with 'valid' padding on its f × f convolution. */
import * as tf from '@tensorflow/tfjs';
import type { BlockWeights, Filters } from '../../../../../solutions/course4/week2/residual-networks';
import { Stages } from './kit/stages';
export * from '../../../../../solutions/course4/week2/residual-networks';

export const mutant = {
  fn: 'identityBlock',
  hint: "The middle f × f convolution needs padding 'same' (the 1×1 ones 'valid'): with 'valid' it shrinks the image, and the main path no longer matches the shortcut.",
};

export function identityBlock(X: tf.Tensor4D, f: number, filters: Filters, weights?: BlockWeights, training = false): tf.Tensor4D {
  const [F1, F2, F3] = filters;
  const b = new Stages(weights, training);
  let x: tf.Tensor = b.relu(b.bn(b.conv(X, 'conv1', F1, 1, 1, 'valid'), 'bn1'));
  x = b.relu(b.bn(b.conv(x, 'conv2', F2, f, 1, 'valid'), 'bn2')); // the mistake: 'valid'
  x = b.bn(b.conv(x, 'conv3', F3, 1, 1, 'valid'), 'bn3');
  return b.done(b.relu(b.add(x, X)));
}
