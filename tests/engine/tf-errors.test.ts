/**
 * TensorFlow.js errors with one known cause get a hint naming it, next to the
 * error, whichever check the call was in. The messages are TensorFlow.js's own,
 * produced here by the mistakes they name.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../graders/engine/paths';
import { buildModule } from '../../graders/engine/sandbox/build';
import { Sandbox } from '../../graders/engine/sandbox/client';
import { nd } from '../../graders/engine/ndarray';
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

  it('names a tensor kept between calls, in a module-level variable, when the sandbox has disposed it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-kept-'));
    const sandbox = new Sandbox({ root: repoRoot, timeoutMs: 10_000 });
    try {
      const file = path.join(dir, 'lazy.ts');
      const source = "import * as tf from '@tensorflow/tfjs';\nlet half: tf.Scalar | undefined;\nexport function above(x: tf.Tensor) {\n  half ??= tf.scalar(0.5);\n  return tf.cast(tf.greater(x, half), 'float32');\n}\n";
      writeFileSync(file, source);
      const built = await buildModule(file, repoRoot, { allowedDirs: [dir] });
      if (!built.ok) throw new Error(built.message);
      const learner = sandbox.install(built);
      const x = nd([0.2, 0.9], [2]);
      expect((await sandbox.call(learner, 'above', [x])).status).toBe('ok');
      const second = await sandbox.call(learner, 'above', [x]);
      expect(second.status).toBe('threw');
      const r = resultFor(second.status === 'threw' ? second.message : '');
      expect(r.hint).toMatch(/keeps between calls/);
    } finally {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('adds nothing to other errors', () => {
    expect(resultFor('I give up').hint).toBeUndefined();
  });
});
