/**
 * Course 3, week 2 — given code for transfer learning: a dense network built
 * from given weights, layer by layer (relu everywhere, sigmoid on the last layer).
 */
import * as tf from '@tensorflow/tfjs';

/** One dense layer's weights, in the Keras layout: kernel [nIn, nOut], bias [nOut]. */
export interface DenseWeights {
  kernel: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/** A tf.Sequential of dense layers holding these weights: relu on hidden layers, sigmoid on the last. */
export function buildNetwork(weights: readonly DenseWeights[]): tf.Sequential {
  const model = tf.sequential();
  weights.forEach((w, i) => {
    const [nIn, nOut] = w.kernel.shape;
    model.add(
      tf.layers.dense({
        units: nOut,
        ...(i === 0 ? { inputShape: [nIn] } : {}),
        activation: i === weights.length - 1 ? 'sigmoid' : 'relu',
        // Overwritten by `weights`; seeded so that building never draws from an unseeded generator.
        kernelInitializer: tf.initializers.glorotUniform({ seed: i }),
        weights: [w.kernel, w.bias],
      }),
    );
  });
  return model;
}
