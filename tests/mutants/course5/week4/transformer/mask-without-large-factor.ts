/** scaledDotProductAttention adding (1 − mask) to the logits, without the −1e9 factor: masked keys keep some weight. */
import * as tf from '@tensorflow/tfjs';
import { attentionWith } from './kit/attention';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'scaledDotProductAttention',
  hint: 'Masked positions (mask = 0) still get attention weight: add (1 − mask)·(−1e9) to the logits before the softmax, so that their weight is (numerically) 0.',
};

export const scaledDotProductAttention = attentionWith({ mask: (logits, mask) => tf.add(logits, tf.sub(1, mask)) });
