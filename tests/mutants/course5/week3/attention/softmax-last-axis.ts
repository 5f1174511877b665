import * as tf from '@tensorflow/tfjs';
import { useAttentionLayers, type AttentionLayers, type AttentionWeights } from '../../../../../lib/nmt-utils';
export * from '../../../../../solutions/course5/week3/attention';
import type { Input } from '../../../../../solutions/course5/week3/attention';

export const mutant = { fn: 'oneStepAttention', hint: "Every attention weight is 1: the softmax ran over the last axis, which has size 1. Use the given activator (softmax over axis 1, the Tx positions): tf.softmax and tf.layers.softmax only work over the last axis." };

export function oneStepAttention(a: Input, sPrev: Input, layers: AttentionLayers | AttentionWeights): [Input, Input] {
  const { repeator, concatenator, densor1, densor2, activator, dotor } = useAttentionLayers(layers, a.shape[1]!);
  void activator;
  const energies = densor2.apply(densor1.apply(concatenator.apply([a, repeator.apply(sPrev)] as tf.Tensor[]))) as tf.Tensor;
  const alphas = tf.softmax(energies);
  return [dotor.apply([alphas, a] as tf.Tensor[]) as Input, alphas];
}
