/** scaledDotProductAttention without the 1/√dk scaling. */
import { attentionWith } from './kit/attention';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'scaledDotProductAttention',
  hint: 'Q·Kᵀ is not scaled: divide it by √dk (dk = the size of the last axis of k) before the softmax.',
};

export const scaledDotProductAttention = attentionWith({ scale: () => 1 });
