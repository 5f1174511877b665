/**
 * Building blocks shared by the residual-networks mutants (not a mutant itself:
 * it lives in a subfolder, which the mutant loader does not read). Each mutant
 * wires its block by hand with these stages, so its one mistake is visible there.
 */
import * as tf from '@tensorflow/tfjs';
import type { BatchNormWeights, BlockWeights, ConvWeights } from '../../../../../../solutions/course4/week2/residual-networks';

type ConvKey = 'conv1' | 'conv2' | 'conv3' | 'shortcutConv';
type BnKey = 'bn1' | 'bn2' | 'bn3' | 'shortcutBn';

/** Creates and applies layers with the block's weights, keeping them to dispose at the end. */
export class Stages {
  private readonly used: tf.layers.Layer[] = [];
  constructor(
    private readonly weights: BlockWeights | undefined,
    private readonly training: boolean,
  ) {}

  private apply(layer: tf.layers.Layer, x: tf.Tensor | tf.Tensor[]): tf.Tensor {
    this.used.push(layer);
    return layer.apply(x, { training: this.training }) as tf.Tensor;
  }

  conv(x: tf.Tensor, key: ConvKey, filters: number, kernelSize: number, strides: number, padding: 'same' | 'valid'): tf.Tensor {
    const w = this.weights?.[key] as ConvWeights | undefined;
    const layer = tf.layers.conv2d({ filters, kernelSize, strides, padding, kernelInitializer: tf.initializers.glorotUniform({ seed: 0 }), ...(w ? { weights: [w.kernel, w.bias] } : {}) });
    return this.apply(layer, x);
  }

  bn(x: tf.Tensor, key: BnKey, axis = 3): tf.Tensor {
    const w = this.weights?.[key] as BatchNormWeights | undefined;
    return this.apply(tf.layers.batchNormalization({ axis, ...(w ? { weights: [w.gamma, w.beta, w.movingMean, w.movingVariance] } : {}) }), x);
  }

  relu(x: tf.Tensor): tf.Tensor {
    return this.apply(tf.layers.activation({ activation: 'relu' }), x);
  }

  add(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
    return this.apply(tf.layers.add(), [a, b]);
  }

  /** Disposes the layers' weights and returns the block's output. */
  done(out: tf.Tensor): tf.Tensor4D {
    for (const layer of this.used) layer.dispose();
    return out as tf.Tensor4D;
  }
}
