/**
 * TensorFlow.js errors with one known cause get a hint naming it, next to the
 * error, whichever check the call was in. The messages are TensorFlow.js's own,
 * produced here by the mistakes they name.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { failureResult } from '../../graders/engine/checks/outcome';
import type { CheckDef } from '../../graders/engine/define';
import { CallFailure } from '../../graders/engine/implementation';

const check = { kind: 'reference', name: 'seeded cases', points: 3 } as unknown as CheckDef;
const thrown = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a throw');
};
const resultFor = (message: string) => failureResult(check, 'model', new CallFailure('model', { status: 'threw', message, output: '' }));

describe("TensorFlow.js's errors with a known cause", () => {
  it('names plain tensors where the optimizer needs tf.variable', () => {
    const W = tf.tensor2d([[1, 2]]);
    const message = thrown(() => tf.train.sgd(0.1).minimize(() => tf.sum(tf.square(W)) as tf.Scalar));
    const r = resultFor(message);
    expect(r.status).toBe('error');
    expect(r.hint).toMatch(/must be tf\.variable/);
  });

  it('names a tensor used after a tf.tidy disposed it', () => {
    let inner: tf.Tensor | undefined;
    tf.tidy(() => {
      inner = tf.scalar(2).add(1);
      return tf.scalar(0);
    });
    const r = resultFor(thrown(() => inner!.dataSync()));
    expect(r.hint).toMatch(/used after it was disposed/);
  });

  it('adds nothing to other errors', () => {
    expect(resultFor('I give up').hint).toBeUndefined();
  });
});
