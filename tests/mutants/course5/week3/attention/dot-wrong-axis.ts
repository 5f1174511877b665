import * as tf from '@tensorflow/tfjs';
import { useAttentionLayers, type AttentionLayers, type AttentionWeights } from '../../../../../lib/nmt-utils';
export * from '../../../../../solutions/course5/week3/attention';
import type { Input } from '../../../../../solutions/course5/week3/attention';

export const mutant = { fn: 'oneStepAttention', hint: "The context came out [m, 2nA, 1]: alphas and a were contracted the wrong way round. dotor([alphas, a]) (or alphasᵀ·a per example) gives [m, 1, 2nA]." };

export function oneStepAttention(a: Input, sPrev: Input, layers: AttentionLayers | AttentionWeights): [Input, Input] {
  const { repeator, concatenator, densor1, densor2, activator, dotor } = useAttentionLayers(layers, a.shape[1]!);
  void dotor;
  const alphas = activator.apply(densor2.apply(densor1.apply(concatenator.apply([a, repeator.apply(sPrev)] as tf.Tensor[])))) as tf.Tensor;
  return [tf.matMul(a as tf.Tensor3D, alphas as tf.Tensor3D, true, false), alphas];
}
