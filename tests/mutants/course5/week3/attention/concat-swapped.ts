import * as tf from '@tensorflow/tfjs';
import { useAttentionLayers, type AttentionLayers, type AttentionWeights } from '../../../../../lib/nmt-utils';
export * from '../../../../../solutions/course5/week3/attention';
import type { Input } from '../../../../../solutions/course5/week3/attention';

export const mutant = { fn: 'oneStepAttention', hint: "s⟨t−1⟩ and a are concatenated in the wrong order: densor1 expects [a, repeated sPrev] (a first), concatenator([a, sPrev repeated])." };

export function oneStepAttention(a: Input, sPrev: Input, layers: AttentionLayers | AttentionWeights): [Input, Input] {
  const { repeator, concatenator, densor1, densor2, activator, dotor } = useAttentionLayers(layers, a.shape[1]!);
  const alphas = activator.apply(densor2.apply(densor1.apply(concatenator.apply([repeator.apply(sPrev), a] as tf.Tensor[])))) as Input;
  return [dotor.apply([alphas, a] as tf.Tensor[]) as Input, alphas];
}
