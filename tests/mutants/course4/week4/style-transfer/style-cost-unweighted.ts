import * as tf from '@tensorflow/tfjs';
import { computeLayerStyleCost, STYLE_LAYERS, type StyleLayer } from '../../../../../solutions/course4/week4/style-transfer';
export * from '../../../../../solutions/course4/week4/style-transfer';

export const mutant = {
  fn: 'computeStyleCost',
  hint: 'The layers are added without their coefficients: each layer\'s cost is multiplied by its λ from styleLayers.',
};

export function computeStyleCost(styleOutputs: tf.Tensor4D[], generatedOutputs: tf.Tensor4D[], styleLayers: StyleLayer[] = STYLE_LAYERS): tf.Scalar {
  return tf.tidy(() => {
    let JStyle: tf.Scalar = tf.scalar(0);
    styleLayers.forEach((_, l) => {
      JStyle = tf.add(JStyle, computeLayerStyleCost(styleOutputs[l]!, generatedOutputs[l]!));
    });
    return JStyle;
  });
}
