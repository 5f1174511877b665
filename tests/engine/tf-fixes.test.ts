/**
 * TensorFlow.js bugs that made a learner's correct autodiff throw are fixed in
 * the TensorFlow.js both processes load (graders/engine/sandbox/tf-entry.ts):
 * tf.logSigmoid's gradient through a tensor that is not a leaf, and the
 * broadcasting ops' gradients when the output is empty (k = 0 negatives in
 * word2vec). Learner code runs in the sandbox, as in grading; the expected
 * gradients are worked out by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNdArray, nd, type NdArray } from '../../graders/engine/ndarray';
import { repoRoot } from '../../graders/engine/paths';
import { buildModule } from '../../graders/engine/sandbox/build';
import { Sandbox } from '../../graders/engine/sandbox/client';
import type { Value } from '../../graders/engine/values';

const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-tf-fixes-'));
const sandbox = new Sandbox({ root: repoRoot, timeoutMs: 10_000 });
let learner: string;

const SOURCE = `
import * as tf from '@tensorflow/tfjs';
// d/dx Σ log σ(−x) = −σ(x)
export function logSigmoidOfNeg(x: tf.Tensor) { return tf.grad((t: tf.Tensor) => tf.sum(tf.logSigmoid(tf.neg(t))))(x); }
export function chainedLogSigmoid(x: tf.Tensor) { return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(t, 2).logSigmoid()))(x); }
export function logSigmoidValue(x: tf.Tensor) { return tf.logSigmoid(x); }
export function emptyBroadcast(op: 'mul' | 'add' | 'sub' | 'div' | 'squaredDifference', a: tf.Tensor, b: tf.Tensor) {
  return tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf[op](x, y)))([a, b]);
}
`;

beforeAll(async () => {
  writeFileSync(path.join(dir, 'learner.ts'), SOURCE);
  const built = await buildModule(path.join(dir, 'learner.ts'), repoRoot);
  if (!built.ok) throw new Error(built.message);
  learner = sandbox.install(built);
}, 60_000);
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(fn: string, args: Value[]): Promise<Value> {
  const o = await sandbox.call(learner, fn, args);
  if (o.status !== 'ok') throw new Error(`${fn}: ${JSON.stringify(o)}`);
  return o.value;
}

function tensor(v: Value): NdArray {
  if (!isNdArray(v)) throw new Error(`not a tensor: ${JSON.stringify(v)}`);
  return v;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const xs = [1, -2, 0.5, 3];

describe('TensorFlow.js as learner code gets it', () => {
  it("differentiates tf.logSigmoid of a tensor that is not a leaf", async () => {
    const g = tensor(await call('logSigmoidOfNeg', [nd(xs, [4])]));
    g.data.forEach((v, i) => expect(v).toBeCloseTo(-sigmoid(xs[i]!), 6));
  });

  it('differentiates the chained x.logSigmoid() too', async () => {
    const g = tensor(await call('chainedLogSigmoid', [nd(xs, [4])]));
    g.data.forEach((v, i) => expect(v).toBeCloseTo(2 * sigmoid(-2 * xs[i]!), 6));
  });

  it("keeps tf.logSigmoid's values, stable for large inputs", async () => {
    const big = [-100, -1, 0, 1, 100];
    const v = tensor(await call('logSigmoidValue', [nd(big, [5])]));
    expect(v.data[0]).toBeCloseTo(-100, 4);
    expect(v.data[2]).toBeCloseTo(Math.log(0.5), 6);
    expect(v.data[4]).toBeCloseTo(0, 6);
  });

  for (const op of ['mul', 'add', 'sub', 'div', 'squaredDifference']) {
    it(`gives zero gradients through tf.${op} when a [1, d] input meets an empty [0, d] one`, async () => {
      const [ga, gb] = (await call('emptyBroadcast', [op, nd([], [0, 2]), nd([1, 2], [1, 2])])) as Value[];
      expect(tensor(ga!).shape).toEqual([0, 2]);
      expect(tensor(gb!).shape).toEqual([1, 2]);
      expect(tensor(gb!).data).toEqual([0, 0]);
    });
  }

  it('leaves non-empty broadcasting gradients as they were', async () => {
    const [ga, gb] = (await call('emptyBroadcast', ['mul', nd([1, 2, 3, 4, 5, 6], [3, 2]), nd([10, 20], [1, 2])])) as Value[];
    expect(tensor(ga!).data).toEqual([10, 20, 10, 20, 10, 20]);
    expect(tensor(gb!).data).toEqual([9, 12]);
  });
});
