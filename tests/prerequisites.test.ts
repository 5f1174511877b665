/**
 * "Fix X first" goes on the checks that rely on X — through the exercise's own
 * calls (dependsOn) or calls the check makes itself — and nowhere else.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from '../graders/engine/paths';
import { gradeFile, newSandbox } from './support/grading';

const ID = 'course1/week3/planar-classification';
const sandbox = newSandbox();
const dir = mkdtempSync(path.join(os.tmpdir(), 'deepgrade-prereq-'));
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

it('blames a broken computeCost in the gradient check of backwardPropagation only', async () => {
  const file = path.join(dir, 'learner.ts');
  const solution = readFileSync(path.join(repoRoot, 'solutions', `${ID}.ts`), 'utf8').replace(/from '\.\.\/\.\.\/\.\.\//g, `from '${repoRoot}/`);
  // A wrong cost, and a wrong backward pass: both fail, only one of backward's failures involves the cost.
  const broken = solution
    .replace('return -tf.sum(logprobs).dataSync()[0]! / m;', 'return -tf.sum(logprobs).dataSync()[0]!;')
    .replace('tf.sub(1, tf.square(A1))', 'tf.sub(1, A1)');
  expect(broken).not.toBe(solution);
  writeFileSync(file, broken);
  const r = await gradeFile(sandbox, ID, file, { only: ['computeCost', 'backwardPropagation'], hidden: false, trusted: true });
  const backward = r.exercises.find((e) => e.name === 'backwardPropagation')!;
  const byName = Object.fromEntries(backward.checks.map((c) => [c.name, c]));
  expect(byName['gradient check']!.message).toMatch(/^Fix `computeCost` first: this check relies on it/);
  expect(byName['seeded cases']!.status).toBe('failed');
  expect(byName['seeded cases']!.message).not.toContain('Fix');
});
