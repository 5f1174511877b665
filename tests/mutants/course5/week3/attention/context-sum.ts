import * as tf from '@tensorflow/tfjs';
import { useAttentionLayers, type AttentionLayers, type AttentionWeights } from '../../../../../lib/nmt-utils';
export * from '../../../../../solutions/course5/week3/attention';
import type { Input } from '../../../../../solutions/course5/week3/attention';

export const mutant = { fn: 'oneStepAttention', hint: "The context is the plain sum of a over the Tx positions: weight each a⟨t'⟩ by its attention weight alphas⟨t'⟩ (dotor([alphas, a]))." };

export function oneStepAttention(a: Input, sPrev: Input, layers: AttentionLayers | AttentionWeights): [Input, Input] {
  const { repeator, concatenator, densor1, densor2, activator, dotor } = useAttentionLayers(layers, a.shape[1]!);
  void dotor;
  const alphas = activator.apply(densor2.apply(densor1.apply(concatenator.apply([a, repeator.apply(sPrev)] as tf.Tensor[])))) as Input;
  return [tf.sum(a as tf.Tensor, 1, true), alphas];
}
