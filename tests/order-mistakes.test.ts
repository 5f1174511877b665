/**
 * Mistakes of order derived from the reference solution's source (issue #16):
 * an activation applied before a bias is added. The variants are read from
 * the source only where the reading is certain, recorded in the fixtures, and
 * named at grading for a learner who makes the mistake in their own words.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '../graders/engine/fixtures';
import { orderVariants } from '../graders/engine/order-mistakes';
import { repoRoot } from '../graders/engine/paths';
import { gradeFile, newSandbox } from './support/grading';

const changed = (source: string, variant: string) => variant.split('\n').filter((line, i) => line !== source.split('\n')[i]).map((l) => l.trim());

describe('orderVariants', () => {
  const source = [
    "import * as tf from '@tensorflow/tfjs';",
    'export function nested(W: tf.Tensor2D, x: tf.Tensor2D, b: tf.Tensor2D) {',
    '  return tf.tanh(tf.add(tf.matMul(W, x), b) as tf.Tensor2D);',
    '}',
    'export function throughConst(W: tf.Tensor2D, x: tf.Tensor2D, b: tf.Tensor2D) {',
    '  const z = tf.sub(tf.matMul(W, x), b);',
    '  return tf.sigmoid(z);',
    '}',
    'export function cached(W: tf.Tensor2D, x: tf.Tensor2D, b: tf.Tensor2D) {',
    '  const z = tf.add(tf.matMul(W, x), b);',
    '  return [tf.relu(z), { z }];',
    '}',
    'export function cachedComputed(W: tf.Tensor2D, x: tf.Tensor2D, V: tf.Tensor2D) {',
    '  const z = tf.add(tf.matMul(W, x), tf.matMul(V, x));',
    '  return [tf.relu(z), { z }];',
    '}',
    'export function afterwards(x: tf.Tensor2D, shortcut: tf.Tensor2D) {',
    '  return tf.add(tf.relu(x), shortcut);',
    '}',
    'export function methods(x: tf.Tensor2D, b: tf.Tensor2D) {',
    '  return x.add(b).relu();',
    '}',
    'export function difference(x: tf.Tensor2D, y: tf.Tensor2D) {',
    '  return tf.sub(x, tf.sigmoid(y));',
    '}',
    'export function plainPair(x: tf.Tensor2D, shortcut: tf.Tensor2D) {',
    '  return tf.relu(tf.add(x, shortcut));',
    '}',
  ].join('\n');

  it('moves the activation inside the sum, nested or through a const read once, onto the computed term', () => {
    const [nested, ...more] = orderVariants(source, 'nested');
    expect(more).toEqual([]);
    expect(changed(source, nested!.source)).toEqual(['return tf.add(tf.tanh(tf.matMul(W, x)), b);']);
    expect(nested!.hint).toBe('the tanh is applied before `b` is added: add `b` first, then apply the tanh to the whole sum.');
    const [constant] = orderVariants(source, 'throughConst');
    expect(changed(source, constant!.source)).toEqual(['return tf.sub(tf.sigmoid(tf.matMul(W, x)), b);']);
    expect(constant!.hint).toContain('before `b` is subtracted');
  });

  it('takes the term out of a sum that is also cached, and moves it past the activation', () => {
    const [cached, ...more] = orderVariants(source, 'cached');
    expect(more).toEqual([]);
    expect(changed(source, cached!.source)).toEqual(['const z = tf.matMul(W, x);', 'return [tf.add(tf.relu(z), b), { z }];']);
    expect(cached!.hint).toBe('the relu is applied before `b` is added: add `b` first, then apply the relu to the whole sum.');
  });

  it('gives no variant where the rewrite would not be the mistake: a term that is not plain moved past a cache, method calls', () => {
    expect(orderVariants(source, 'cachedComputed')).toEqual([]);
    expect(orderVariants(source, 'methods')).toEqual([]);
    expect(orderVariants(source, 'missing')).toEqual([]);
    expect(orderVariants(source.replace("import * as tf from '@tensorflow/tfjs';", ''), 'nested')).toEqual([]);
  });

  it('moves an activation applied to one term out over the sum, and tries both plain terms', () => {
    const [after] = orderVariants(source, 'afterwards');
    expect(changed(source, after!.source)).toEqual(['return tf.relu(tf.add(x, shortcut));']);
    expect(after!.hint).toBe('the relu is applied after `shortcut` is added: apply it to `x` alone, then add `shortcut`.');
    const [difference] = orderVariants(source, 'difference');
    expect(changed(source, difference!.source)).toEqual(['return tf.sigmoid(tf.sub(x, y));']);
    expect(difference!.hint).toBe('the sigmoid is applied to the whole difference: apply it to `y` alone, then subtract that from `x`.');
    expect(orderVariants(source, 'plainPair').map((v) => changed(source, v.source))).toEqual([
      ['return tf.add(tf.relu(x), shortcut);'],
      ['return tf.add(x, tf.relu(shortcut));'],
    ]);
  });
});

// Real assignments, graded in the sandbox: the solution with one passage rewritten as a learner would write it.
const sandbox = newSandbox();
const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-order-'));
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The check `check` of `fn` for the solution of `id` with `find` replaced by `replace` (the solution itself when find is ''). */
async function gradeRewritten(id: string, fn: string, find: string, replace: string, check = 'seeded cases') {
  const source = readFileSync(path.join(repoRoot, 'solutions', `${id}.ts`), 'utf8').replace(/from '\.\.\/\.\.\/\.\.\//g, `from '${repoRoot}/`);
  expect(source).toContain(find);
  const file = path.join(dir, `${path.basename(id)}.ts`);
  writeFileSync(file, find ? source.replace(find, replace) : source);
  const r = await gradeFile(sandbox, id, file, { only: [fn], trusted: true });
  return r.exercises.find((e) => e.name === fn)!.checks.find((c) => c.name === check)!;
}

describe('course5/week1/rnn-step-by-step', () => {
  const ID = 'course5/week1/rnn-step-by-step';
  const HINT = 'the tanh is applied before `ba` is added: add `ba` first, then apply the tanh to the whole sum.';

  it('records the bias added after the tanh in both editions', () => {
    for (const variant of ['public', 'hidden'] as const) {
      const cases = loadFixtures(repoRoot, ID, variant)?.checks['rnnCellForward/seeded cases']?.cases ?? [];
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) expect(c.mistakes).toContainEqual(expect.objectContaining({ hint: HINT, generated: 'order' }));
    }
  });

  it('names it for a learner who writes it their own way, and not for the solution or another mistake', async () => {
    const line = 'const aNext = tf.tanh(tf.add(tf.add(tf.matMul(Waa, aPrev), tf.matMul(Wax, xt)), ba)) as tf.Tensor2D;';
    const wrong = await gradeRewritten(ID, 'rnnCellForward', line, 'const aNext = tf.matMul(Wax, xt).add(tf.matMul(Waa, aPrev)).tanh().add(ba) as tf.Tensor2D;');
    expect(wrong.status).toBe('failed');
    expect(wrong.hint).toBe(HINT);
    const sigmoid = await gradeRewritten(ID, 'rnnCellForward', line, line.replace('tf.tanh', 'tf.sigmoid'));
    expect(sigmoid.status).toBe('failed');
    expect(sigmoid.hint).not.toBe(HINT);
    const right = await gradeRewritten(ID, 'rnnCellForward', '', '');
    expect(right.status).toBe('passed');
    expect(right.hint).toBeUndefined();
  }, 120_000);
});

describe('course1/week3/planar-classification', () => {
  it('names the bias added after the tanh, Z1 cached without it, for a learner who writes it their own way', async () => {
    const lines = ['const Z1 = tf.add(tf.matMul(W1, X), b1) as tf.Tensor2D;', 'const A1 = tf.tanh(Z1);'].join('\n  ');
    const mine = ['const Z1 = W1.matMul(X) as tf.Tensor2D;', 'const A1 = Z1.tanh().add(b1) as tf.Tensor2D;'].join('\n  ');
    const seeded = await gradeRewritten('course1/week3/planar-classification', 'forwardPropagation', lines, mine);
    expect(seeded.status).toBe('failed');
    expect(seeded.hint).toBe('the tanh is applied before `b1` is added: add `b1` first, then apply the tanh to the whole sum.');
  }, 120_000);
});
