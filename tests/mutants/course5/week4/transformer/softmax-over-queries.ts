/** scaledDotProductAttention normalising exp(logits) over the queries (axis −2) instead of the keys. */
import { attentionWith } from './kit/attention';
export * from '../../../../../solutions/course5/week4/transformer';

export const mutant = {
  fn: 'scaledDotProductAttention',
  hint: 'The softmax runs over the wrong axis: each query attends over the keys, so normalise the last axis (tf.softmax(logits, -1)); every row of the weights sums to 1.',
};

export const scaledDotProductAttention = attentionWith({ softmaxAxis: -2 });
