import * as tf from '@tensorflow/tfjs';
import { computeLayerStyleCost, STYLE_LAYERS, type StyleLayer } from '../../../../../solutions/course4/week4/style-transfer';
export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'computeStyleCost',
  hint: 'Each layer overwrites the cost (J = λ·J_l) instead of adding to it (J += λ·J_l): only the last layer counts.',
};

export function computeStyleCost(styleOutputs: tf.Tensor4D[], generatedOutputs: tf.Tensor4D[], styleLayers: StyleLayer[] = STYLE_LAYERS): tf.Scalar {
  return tf.tidy(() => {
    let JStyle: tf.Scalar = tf.scalar(0);
    styleLayers.forEach(([, coefficient], l) => {
      JStyle = tf.mul(coefficient, computeLayerStyleCost(styleOutputs[l]!, generatedOutputs[l]!));
    });
    return JStyle;
  });
}
