import * as tf from '@tensorflow/tfjs';
import { useAttentionLayers, type AttentionLayers, type AttentionWeights } from '../../../../../lib/nmt-utils';
export * from '../../../../../solutions/course5/week3/attention';
import type { Input } from '../../../../../solutions/course5/week3/attention';

export const mutant = { fn: 'oneStepAttention', hint: "s⟨t−1⟩ was repeated along the wrong axis: tiling sPrev [m, nS] along the examples then reshaping to [m, Tx, nS] mixes the examples' states. Repeat each example's state Tx times (repeator, or tf.tile of sPrev reshaped to [m, 1, nS] by [1, Tx, 1])." };

export function oneStepAttention(a: Input, sPrev: Input, layers: AttentionLayers | AttentionWeights): [Input, Input] {
  const { repeator, concatenator, densor1, densor2, activator, dotor } = useAttentionLayers(layers, a.shape[1]!);
  void repeator;
  const [m, Tx] = a.shape as [number, number];
  const nS = (sPrev as tf.Tensor).shape[1]!;
  const repeated = tf.reshape(tf.tile(sPrev as tf.Tensor2D, [Tx, 1]), [m, Tx, nS]);
  const alphas = activator.apply(densor2.apply(densor1.apply(concatenator.apply([a, repeated] as tf.Tensor[])))) as Input;
  return [dotor.apply([alphas, a] as tf.Tensor[]) as Input, alphas];
}
