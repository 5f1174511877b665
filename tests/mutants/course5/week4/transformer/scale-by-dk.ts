/** scaledDotProductAttention dividing the logits by dk instead of √dk. */
import { attentionWith } from './kit/attention';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'scaledDotProductAttention',
  hint: 'The logits are divided by dk: divide Q·Kᵀ by √dk, the square root of the depth of the keys.',
};

export const scaledDotProductAttention = attentionWith({ scale: (dk) => dk });
