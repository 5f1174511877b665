/**
 * describeEmojifyV2 builds the learner's model with a cheap stand-in for the
 * LSTMs' orthogonal initialiser (whose QR decomposition takes seconds at 128
 * units), since it overwrites every weight from its seed: the report must be
 * the one the real initialiser gives, and the initialiser must be back after.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { describeEmojifyV2 } from '../../lib/emojify-utils';

function build(units: number): tf.LayersModel {
  const input = tf.input({ shape: [4] });
  // Pretrained, as the course's is: describeEmojifyV2 keeps an Embedding's weights.
  const matrix = tf.tensor2d(Array.from({ length: 18 }, (_, i) => Math.sin(i)), [6, 3]);
  const embedded = tf.layers.embedding({ inputDim: 6, outputDim: 3, trainable: false, weights: [matrix] }).apply(input) as tf.SymbolicTensor;
  const lstm = tf.layers.lstm({ units }).apply(embedded) as tf.SymbolicTensor;
  const dense = tf.layers.dense({ units: 5, activation: 'softmax' }).apply(lstm) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: dense });
}

const orthogonalClass = () => (tf.serialization.SerializationMap.getMap().classNameMap as Record<string, unknown>).Orthogonal;

describe('describeEmojifyV2', () => {
  const indices = tf.tensor2d([
    [1, 2, 0, 0],
    [3, 4, 5, 1],
  ]);

  it('reports what the orthogonal initialiser would give, and leaves it registered', () => {
    const before = orthogonalClass();
    const fast = describeEmojifyV2(() => build(6), indices, [], { seed: 3, steps: 0, learningRate: 0.02 });
    expect(orthogonalClass()).toBe(before);
    // The same model built outside the helper, with the real orthogonal initialiser.
    const real = build(6);
    const lstmOf = (m: tf.LayersModel) => m.layers.find((l) => l.getClassName() === 'LSTM') as unknown as { cell: { recurrentInitializer: { getClassName(): string } } };
    expect(lstmOf(real).cell.recurrentInitializer.getClassName()).toBe('Orthogonal');
    const slow = describeEmojifyV2(() => real, indices, [], { seed: 3, steps: 0, learningRate: 0.02 });
    expect(Array.from(fast.probs!.dataSync())).toEqual(Array.from(slow.probs!.dataSync()));
    expect(fast.layers).toEqual(slow.layers);
    const lstm = tf.layers.lstm({ units: 2 }) as unknown as { cell: { recurrentInitializer: { getClassName(): string } } };
    expect(lstm.cell.recurrentInitializer.getClassName()).toBe('Orthogonal');
  });

  it('puts the initialiser back when building fails', () => {
    const before = orthogonalClass();
    const failed = describeEmojifyV2(
      () => {
        throw new Error('no model');
      },
      indices,
      [],
      { seed: 3, steps: 0, learningRate: 0.02 },
    );
    expect(failed.error).toBe('no model');
    expect(orthogonalClass()).toBe(before);
  });
});
