/** scaledDotProductAttention multiplying V by the transposed weights (Wᵀ·V; it runs only when seqQ = seqK). */
import { attentionWith } from './kit/attention';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'scaledDotProductAttention',
  hint: 'Multiply the attention weights by V as they are, weights·V ([…, seqQ, seqK]·[…, seqK, dv]): the transpose belongs only to K in Q·Kᵀ.',
};

export const scaledDotProductAttention = attentionWith({ transposeWeights: true });
