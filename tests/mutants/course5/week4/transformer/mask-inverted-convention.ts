/** scaledDotProductAttention with the other convention for the mask: mask·(−1e9), hiding the kept positions. */
import * as tf from '@tensorflow/tfjs';
import { attentionWith } from './kit/attention';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'scaledDotProductAttention',
  hint: 'The mask works the wrong way round: with 1 = keep and 0 = ignore, add (1 − mask)·(−1e9) to the logits, not mask·(−1e9).',
};

export const scaledDotProductAttention = attentionWith({ mask: (logits, mask) => tf.add(logits, tf.mul(mask, -1e9)) });
