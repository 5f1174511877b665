/** encoderLayer applying dropout whatever the training flag (tf.dropout, never told it is inference). */
import * as tf from '@tensorflow/tfjs';
import { encoderWith } from './kit/encoder';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'encoderLayer',
  hint: 'Dropout acts at inference: apply the dropout layers with layer.apply(t, { training }), so they drop units only when training is true.',
};

export const encoderLayer = encoderWith((x, sub, norm) => norm(tf.add(x, sub)), true);
