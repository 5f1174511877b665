/**
 * The contract of every learner call: the tensors it is given come back alive
 * and unchanged, and what it returns has the type the instructions say (a
 * number is a number). A function that breaks it loses points in its own
 * exercise, with a message naming what it did.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../graders/engine/paths';
import type { AssignmentResult } from '../graders/engine/report/model';
import { gradeFile, newSandbox } from './support/grading';

const ID = 'course1/week2/numpy-basics';
const sandbox = newSandbox();
const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-contract-'));
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The reference solution with one function's body replaced, as a learner's file. */
async function gradeWith(fn: string, body: string): Promise<AssignmentResult> {
  const solution = readFileSync(path.join(repoRoot, 'solutions', `${ID}.ts`), 'utf8');
  const start = solution.indexOf(`export function ${fn}(`);
  const open = solution.indexOf('{\n', start);
  const close = solution.indexOf('\n}\n', open);
  const text = `${solution.slice(0, open)}{\n${body}\n${solution.slice(close + 1)}`;
  const file = path.join(dir, 'exercises', `${ID}.ts`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text.replace(/from '\.\.\/\.\.\/\.\.\/lib\//g, `from '${path.join(repoRoot, 'lib')}/`));
  return gradeFile(sandbox, ID, file, { only: [fn], hidden: false, trusted: true });
}

const messages = (r: AssignmentResult) => r.exercises.flatMap((e) => e.checks.filter((c) => c.status !== 'passed').map((c) => c.message));

describe('contract checks on every call', () => {
  it('a function that disposes a tensor it is given fails its own checks, saying so', async () => {
    const r = await gradeWith('sigmoid', '  const out = tf.div(1, tf.add(1, tf.exp(tf.neg(x))));\n  x.dispose();\n  return out;');
    expect(r.exercises[0]!.score).toBe(0);
    expect(messages(r).join('\n')).toMatch(/sigmoid returned, but it disposed argument 1, a tensor it was given/);
  });

  it('a function that writes into the array dataSync() gives fails, naming the element', async () => {
    const r = await gradeWith('sigmoid', '  const v = x.dataSync() as Float32Array;\n  for (let i = 0; i < v.length; i++) v[i] = 1 / (1 + Math.exp(-v[i]!));\n  return tf.tensor(Array.from(v), x.shape);');
    expect(r.exercises[0]!.score).toBe(0);
    expect(messages(r).join('\n')).toMatch(/it changed argument 1 in place \(element 0 was .*, is now .*\)/);
  });

  it('the same function written without touching its input passes', async () => {
    const r = await gradeWith('sigmoid', '  const v = Array.from(x.dataSync()).map((z) => 1 / (1 + Math.exp(-z)));\n  return tf.tensor(v, x.shape);');
    expect(r.exercises[0]!.score).toBe(r.exercises[0]!.maxScore);
  });

  it('a one-element tensor where the instructions say a number is not a number', async () => {
    const r = await gradeWith('l1Loss', '  return tf.sum(tf.abs(tf.sub(y, yhat)));');
    expect(r.exercises[0]!.score).toBeLessThan(r.exercises[0]!.maxScore);
    expect(messages(r).join('\n')).toMatch(/should be a number, but is a tensor of shape \[\] holding [\d.]+: return the number itself/);
  });
});
